// The form of every lifecycle action comes from its definition (src/domain/lifecycle/actions/),
// the same the server checks the payload against. Which actions a user may take comes from the
// server only (CaseDetail.availableActions); the definitions just say what to ask for.
import { lateReasonField } from '../../src/domain/lifecycle/actions/common.ts';
import { ACTIONS, isActionName } from '../../src/domain/lifecycle/actions.ts';
import type { FormField } from '../../src/domain/lifecycle/define.ts';
import type { Limits } from '../../src/domain/lifecycle/limits.ts';

export type Field = FormField;

/**
 * The fields of an action's form; a limit-bound maximum is the case's jurisdiction's (from the
 * server). When the server says the action would be late (a duty past its due), 逾期原因 comes first.
 */
export function actionFields(action: string, limits: Partial<Limits> = {}, late = false): Field[] {
  if (!isActionName(action)) return [];
  const fields = ACTIONS[action].form.map((f) => {
    const bound = f.maxFromLimit ? limits[f.maxFromLimit] : undefined;
    return typeof bound === 'number' ? { ...f, max: bound } : f;
  });
  return late ? [lateReasonField, ...fields] : fields;
}

/** Keyboard shortcuts on the case page (only when no input has the focus). */
export const SHORTCUTS: Record<string, string> = {
  a: 'accept',
  n: 'not_accept',
  f: 'forward',
  g: 'assign',
  r: 'reply',
  d: 'deliver',
};

/** Drops empty optional values so the server's defaults apply. */
export function cleanPayload(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v === 'string') {
      if (v.trim() === '') continue;
      out[k] = v.trim();
    } else out[k] = v;
  }
  return out;
}
