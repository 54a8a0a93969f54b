// Writes test/durations.json — seconds per test file, the longest run seen in the log — from the
// default reporter's output of a test run (a CI log: `npx tsx scripts/test-durations.ts < ci.log`).
// The sequencer (test/helpers/sequencer.ts) starts the longest files first.
import { readFileSync, writeFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';

const log = stripVTControlCharacters(readFileSync(0, 'utf8'));
const out: Record<string, number> = {};
// " ✓  integration  test/integration/cases.test.ts (13 tests) 101832ms"
for (const m of log.matchAll(/^ [✓❯×] +(\w+) +(test\/\S+\.test\.tsx?) \(.*?\) (\d+)ms$/gm)) {
  const [, project, file, ms] = m as unknown as [string, string, string, string];
  const key = `${project}:${file}`;
  out[key] = Math.max(out[key] ?? 0, Math.round(Number(ms) / 100) / 10);
}
const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(new URL('../test/durations.json', import.meta.url), `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`${Object.keys(sorted).length} files`);
