// 信访救助 (petition relief funds): who approves an application by its amount, as one table, and the
// steps of an application. Money is integer fen (分) everywhere; yuan only when shown.
//
// | amount (元)              | approved up to (审批层级)               |
// | ------------------------ | --------------------------------------- |
// | ≤ 30,000                 | 县级（县、市、区信访联席会议办公室）    |
// | 30,000 < x ≤ 100,000     | 县级 → 设区市级                         |
// | > 100,000 (≤ 300,000)    | 县级 → 设区市级 → 省级                  |
//
// The chain starts at the matter's county and goes up one level at a time; each level's approval
// states the amount it approves (not more than asked); the next level is needed only while the
// amount approved so far is above the current level's limit. A refusal at any level ends it.

export const RELIEF_LEVELS = [3, 2, 1] as const; // county, city, province (jurisdiction levels)
export type ReliefLevel = (typeof RELIEF_LEVELS)[number];
export const RELIEF_LEVEL_NAMES: Record<ReliefLevel, string> = { 3: '县级', 2: '设区市级', 1: '省级' };

const YUAN = 100;
/** The most each level approves on its own, in fen (null: no limit below the overall cap). */
export const RELIEF_LIMITS: Record<ReliefLevel, number | null> = {
  3: 30_000 * YUAN,
  2: 100_000 * YUAN,
  1: null,
};
/** The most one application may ask for. */
export const RELIEF_MAX_FEN = 300_000 * YUAN;

/** The level that must approve `amountFen`: 3 (county), 2 (city) or 1 (province). */
export function approvalLevelFor(amountFen: number): ReliefLevel {
  for (const level of RELIEF_LEVELS) {
    const limit = RELIEF_LIMITS[level];
    if (limit === null || amountFen <= limit) return level;
  }
  return 1;
}

/** The chain of levels for an amount: [3], [3, 2] or [3, 2, 1]. */
export const approvalChain = (amountFen: number): ReliefLevel[] =>
  RELIEF_LEVELS.filter((l) => l >= approvalLevelFor(amountFen));

export const RELIEF_STATUSES = ['pending', 'approved', 'rejected', 'paid', 'closed'] as const;
export type ReliefStatus = (typeof RELIEF_STATUSES)[number];
export const RELIEF_STATUS_NAMES: Record<ReliefStatus, string> = {
  pending: '审批中',
  approved: '已批准待发放',
  rejected: '不予救助',
  paid: '已发放待结案',
  closed: '已结案',
};

export const RELIEF_ACTIONS = {
  approve: { label: '审批同意', from: ['pending'] },
  reject: { label: '不予救助', from: ['pending'] },
  pay: { label: '登记发放', from: ['approved'] },
  close: { label: '结案', from: ['paid'] },
} as const satisfies Record<string, { label: string; from: readonly ReliefStatus[] }>;
export type ReliefAction = keyof typeof RELIEF_ACTIONS;
export const RELIEF_ACTION_NAMES = Object.keys(RELIEF_ACTIONS) as ReliefAction[];

export const reliefActionAllowed = (action: ReliefAction, status: ReliefStatus) =>
  (RELIEF_ACTIONS[action].from as readonly ReliefStatus[]).includes(status);

/**
 * After the approval at `level` of `amountFen`: the next level to approve, or null when the chain
 * is complete (the application is approved).
 */
export function nextApprovalLevel(level: ReliefLevel, amountFen: number): ReliefLevel | null {
  const limit = RELIEF_LIMITS[level];
  if (limit === null || amountFen <= limit) return null;
  return (level - 1) as ReliefLevel;
}

/**
 * 结案条件: the matter waits on the relief being paid in full and the petitioner's undertaking
 * (息诉罢访承诺) being on file; until then a matter with relief is not taken as resolved.
 */
export const RELIEF_CLOSURE_CONDITION = '救助金足额发放到位，信访人签署息诉罢访承诺书';

export function closureBlockers(a: {
  status: ReliefStatus;
  approvedFen: number | null;
  paidFen: number;
  undertakingSigned: boolean;
}): string[] {
  const out: string[] = [];
  if (a.status === 'pending') out.push('救助申请尚在审批');
  if (a.status === 'rejected') out.push('救助申请未获批准');
  if (a.approvedFen !== null && a.paidFen < a.approvedFen) out.push('救助金尚未足额发放');
  if (!a.undertakingSigned) out.push('信访人尚未签署息诉罢访承诺书');
  return out;
}

/** 12345 fen → '123.45' (元), for display and documents. */
export const yuan = (fen: number) => {
  const sign = fen < 0 ? '-' : '';
  const f = Math.abs(fen);
  return `${sign}${Math.floor(f / 100).toLocaleString('en-US')}.${String(f % 100).padStart(2, '0')}`;
};
