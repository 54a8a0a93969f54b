// 工作台的待办队列 (the workbench's queues) as one table: which roles see a queue, what it holds (a
// filter of the case list, GET /api/v1/cases) and where each role lands. The server serves these
// with their counts (GET /api/v1/workbench/queues); the console renders what it is given.
import { STATES, TERMINAL_STATES } from '../lifecycle/vocabulary.ts';
import type { Role } from '../roles.ts';

type StaffRole = Exclude<Role, 'citizen'>;

/** A queue's filter: case-list parameters; `ownUnit` adds the caller's unit as `unitId`. */
export interface QueueFilter {
  state?: readonly string[];
  due?: 'overdue';
  supervised?: boolean;
  ownUnit?: boolean;
}

export interface QueueDef {
  key: string;
  label: string;
  /** Who sees this queue on their workbench. */
  roles: readonly StaffRole[];
  filter: QueueFilter;
  /** Shown under the tab: what the queue is for. */
  hint: string;
}

const OPEN_STATES = STATES.filter((s) => !TERMINAL_STATES.includes(s));
const CASEWORK: readonly StaffRole[] = ['registrar', 'handler', 'reviewer', 'leader'];
const EVERYONE: readonly StaffRole[] = [...CASEWORK, 'supervisor', 'analyst', 'admin', 'auditor'];

export const QUEUES = [
  {
    key: 'pending',
    label: '待受理',
    roles: ['registrar', 'handler', 'leader'],
    filter: { state: ['registered', 'forwarded'], ownUnit: true },
    hint: '本单位收到、尚未决定是否受理的信访事项（受理期限15日）',
  },
  {
    key: 'accepted',
    label: '待交办',
    roles: ['registrar', 'leader'],
    filter: { state: ['accepted'] },
    hint: '已受理、待交办或自办的事项',
  },
  {
    key: 'handling',
    label: '办理中',
    roles: ['handler', 'registrar', 'reviewer', 'leader'],
    filter: { state: ['handling'] },
    hint: '正在办理、须在办理期限内出具处理意见的事项',
  },
  {
    key: 'extension',
    label: '待审批延期',
    roles: ['reviewer', 'leader'],
    filter: { state: ['extension_pending'] },
    hint: '承办单位申请延长办理期限、待审批的事项',
  },
  {
    key: 'replied',
    label: '待送达',
    roles: ['handler', 'registrar'],
    filter: { state: ['replied'] },
    hint: '已出具处理意见书、待送达信访人的事项',
  },
  {
    key: 'review',
    label: '复查复核',
    roles: ['reviewer', 'leader'],
    filter: { state: ['review_requested', 'rereview_requested'] },
    hint: '信访人请求复查或复核、待作出意见的事项',
  },
  {
    key: 'supervised',
    label: '督办件',
    roles: ['leader', 'supervisor', 'reviewer'],
    filter: { state: OPEN_STATES, supervised: true },
    hint: '被督查督办、尚未办结的事项',
  },
  {
    key: 'overdue',
    label: '已超期',
    roles: EVERYONE,
    filter: { due: 'overdue' },
    hint: '已超过期限仍未办理的事项',
  },
] as const satisfies readonly QueueDef[];

export type QueueKey = (typeof QUEUES)[number]['key'];
export const QUEUE_KEYS = QUEUES.map((q) => q.key) as [QueueKey, ...QueueKey[]];

/** Where each role lands: its own work first (a handler's 办理中, a reviewer's approvals, a leader's 督办). */
export const LANDING: Record<StaffRole, QueueKey> = {
  registrar: 'pending',
  handler: 'handling',
  reviewer: 'extension',
  leader: 'supervised',
  supervisor: 'supervised',
  analyst: 'overdue',
  admin: 'overdue',
  auditor: 'overdue',
};

/** The queues of a role, its landing queue first, then the others in the table's order. */
export function queuesFor(role: Role): QueueDef[] {
  if (role === 'citizen') return [];
  const mine = QUEUES.filter((q) => (q.roles as readonly string[]).includes(role));
  const landing = mine.find((q) => q.key === LANDING[role]);
  return landing ? [landing, ...mine.filter((q) => q !== landing)] : mine;
}

/** The queue a role's desk opens on, when the role has it (citizens have no desk). */
export function landingOf(role: Role): QueueKey | null {
  if (role === 'citizen') return null;
  return queuesFor(role)[0]?.key === LANDING[role] ? LANDING[role] : null;
}

/** The case-list parameters of a queue for a caller of this unit. */
export function queueParams(q: QueueDef, unitId: number | null): Record<string, string> {
  const f = q.filter;
  const p: Record<string, string> = {};
  if (f.state) p.state = f.state.join(',');
  if (f.due) p.due = f.due;
  if (f.supervised !== undefined) p.supervised = String(f.supervised);
  if (f.ownUnit && unitId !== null) p.unitId = String(unitId);
  return p;
}

/** "assigned to me" (认领或被移交给我的) or the unit's whole queue. */
/** Filters the console keeps in the URL, sent with every queue (and saved in a view). */
export const FILTER_KEYS = [
  'q',
  'form',
  'jurisdiction',
  'backlog',
  'supervised',
  'flag',
  'from',
  'to',
] as const;

export const SCOPES = ['mine', 'unit'] as const;
export type QueueScope = (typeof SCOPES)[number];
