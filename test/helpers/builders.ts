// Registration payloads for tests, in one place instead of a copy per file (issue 19). Each call
// makes a distinct matter — a new subject and, for letters, a new petitioner phone — so that no
// registration is linked to an earlier one as a repeat unless a test means it to be; overrides win.
// `h.register(user, payload)` (test/helpers/harness.ts) sends one and returns the 201 answer.

/** The demo citizen (张三), who files online; staff register letters and visits for others. */
export const DEMO_CITIZEN = '13900000001';
/** 鼓楼区, the demo county whose registrar is gl_registrar. */
export const GULOU = '320106';

export interface Registered {
  caseId: number;
  caseNumber: string;
  state: string;
  /** Only on the citizen's own registration, once. */
  queryCode?: string;
  /** When the submission was added to an open matter of the same citizen instead. */
  linkedTo?: { caseId: number; caseNumber: string };
}

let seq = 0;

/** A citizen's online petition about `subject` (张三's own, to 鼓楼区 unless overridden). */
export function onlinePetition(
  subject?: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  seq++;
  const s = subject ?? `反映问题第${seq}号`;
  return {
    form: 'online',
    purpose: 'claim',
    subject: s,
    content: `${s}，多次反映未果，请求有关部门协调解决。`,
    jurisdictionCode: GULOU,
    ...extra,
  };
}

/** A letter a registrar enters for a petitioner of its own (a new phone each call). */
export function letter(subject?: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  const s = subject ?? `反映问题第${seq}号`;
  return {
    form: 'letter',
    purpose: 'claim',
    subject: s,
    content: `来信反映${s}，请求依法处理。`,
    jurisdictionCode: GULOU,
    petitioner: { name: '李四', phone: `138${String(10_000_000 + seq).slice(-8)}` },
    ...extra,
  };
}
