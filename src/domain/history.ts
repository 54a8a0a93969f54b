// The step history a mechanism keeps on its own row (督办单, 部门联动移交, 访调对接转交): what was
// done, when, by whom and what was said — shown as that row's timeline. One shape for all three, so
// the JSON column is typed once (src/db/schema.ts) and the API's response schema once (contracts).
import { z } from 'zod';

export interface HistoryEntry {
  step: string;
  label: string;
  /** ISO instant. */
  at: string;
  /** Display name of the person, or null for a step the system took (e.g. an escalation). */
  by: string | null;
  text: string;
}

export const historyEntry = (
  step: string,
  label: string,
  at: Date,
  by: string | null,
  text: string,
): HistoryEntry => ({ step, label, at: at.toISOString(), by, text });

/** The response schema of a history, shared by the contracts of 督办, 部门联动 and 访调对接. */
export const HistoryEntries = z.array(
  z.object({
    step: z.string(),
    label: z.string(),
    at: z.string(),
    by: z.string().nullable(),
    text: z.string(),
  }),
);
