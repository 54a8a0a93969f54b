// The third-party data the evaluation tests read (../shared/data: real citizen messages and the
// taxonomy, unlicensed, never copied into the project): found next to the checkout — the main one
// (a checkout beside ../shared) or a worktree one level deeper (its ../../shared).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOTS = ['../../../shared/data/', '../../../../shared/data/'];

/** The path of ../shared/data/<name>, or the first candidate (for the error message) if none exists. */
export function sharedData(name: string): string {
  const candidates = ROOTS.map((r) => fileURLToPath(new URL(`${r}${name}`, import.meta.url)));
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}
