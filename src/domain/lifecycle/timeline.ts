// A timeline event in words — the staff label, the petitioner's sentences and the unit the public
// query names — from the definition that recorded it, or for the events that are not actions
// (登记, a repeat merged into this matter, the group check, deadline reminders) from this table.
import { BACKLOG_EVENT_LABELS } from '../backlog/timeline.ts';
import { CAMPAIGN_EVENT_LABELS } from '../campaigns/timeline.ts';
import { EXCHANGE_EVENT_LABELS } from '../exchange/timeline.ts';
import { EXPERT_EVENT_LABELS } from '../experts/experts.ts';
import { HALL_EVENT_LABELS } from '../hall/timeline.ts';
import { CATEGORY_EVENT_LABELS } from '../intake/classification.ts';
import { LINKAGE_EVENT_LABELS } from '../linkage/timeline.ts';
import { MEDIATION_EVENT_LABELS } from '../mediation/referrals.ts';
import { RECEPTION_EVENT_LABELS } from '../receptions/timeline.ts';
import { SUPERVISION_EVENT_LABELS } from '../supervision/timeline.ts';
import { VIDEO_EVENT_LABELS } from '../video/timeline.ts';
import { ASSIGNMENT_EVENT_LABELS } from '../workbench/timeline.ts';
import { definitionOfEvent } from './actions.ts';
import { type Phrase, phrase, text } from './define.ts';
import { FORM_NAMES, RATING_NAMES } from './vocabulary.ts';

/** What the timeline event of a duty action taken late keeps (`detail.late`, lateness.ts). */
export interface LateRecord {
  clock: string;
  clockName: string;
  /** The due instant that had passed (ISO). */
  due: string;
  /** Calendar days past the due day (Asia/Shanghai), at least 1. */
  daysLate: number;
  /** 逾期原因, as the staff member wrote it (staff only). */
  reason: string;
}

/** The late record of a stored event detail, if the action was taken late. */
export function lateRecordOf(detail: unknown): LateRecord | null {
  const late = (detail as { late?: unknown } | null | undefined)?.late;
  if (!late || typeof late !== 'object') return null;
  const l = late as Partial<LateRecord>;
  return typeof l.daysLate === 'number' && typeof l.clock === 'string' ? (l as LateRecord) : null;
}

interface OtherEvent {
  label: string;
  describe?(d: Record<string, unknown>): Phrase[];
}

const OTHER_EVENTS: Record<string, OtherEvent> = {
  register: {
    label: '登记',
    describe: (d) =>
      text(d.registeringUnit)
        ? [phrase('{{unit}}已登记您的信访事项', { unit: text(d.registeringUnit) })]
        : [phrase('您的信访事项已登记')],
  },
  group_suspect: { label: '疑似联名/群体' },
  deadline: { label: '期限提醒' },
};

/** The label staff read on the timeline. */
export function eventLabel(action: string, detail: unknown = {}): string {
  const d = (detail ?? {}) as Record<string, unknown>;
  const def = definitionOfEvent(action);
  const label = def
    ? (def.eventLabel?.(d) ?? def.label)
    : (OTHER_EVENTS[action]?.label ??
      BACKLOG_EVENT_LABELS[action] ??
      CAMPAIGN_EVENT_LABELS[action] ??
      SUPERVISION_EVENT_LABELS[action] ??
      RECEPTION_EVENT_LABELS[action] ??
      VIDEO_EVENT_LABELS[action] ??
      HALL_EVENT_LABELS[action] ??
      MEDIATION_EVENT_LABELS[action] ??
      EXPERT_EVENT_LABELS[action] ??
      LINKAGE_EVENT_LABELS[action] ??
      ASSIGNMENT_EVENT_LABELS[action] ??
      CATEGORY_EVENT_LABELS[action] ??
      EXCHANGE_EVENT_LABELS[action] ??
      action);
  const late = lateRecordOf(d);
  return late ? `${label}（逾期${late.daysLate}日）` : label;
}

/** What the petitioner reads for a public event (empty: the label says it all). */
export function eventPhrases(action: string, detail: unknown = {}): Phrase[] {
  const d = (detail ?? {}) as Record<string, unknown>;
  const def = definitionOfEvent(action);
  const phrases = (def ? def.describe?.(d) : OTHER_EVENTS[action]?.describe?.(d)) ?? [];
  // The petitioner is told the step came late; the reason is the staff's (shown to staff only).
  const late = lateRecordOf(d);
  return late ? [...phrases, phrase('该环节逾期{{days}}日办理', { days: late.daysLate })] : phrases;
}

/** The unit a step names (the one it went to, decided, reviewed or registered). */
export function eventUnit(detail: unknown): string | null {
  const d = (detail ?? {}) as Record<string, unknown>;
  return text(d.targetUnit) || text(d.reviewUnit) || text(d.unit) || text(d.registeringUnit) || null;
}

// What staff read under a timeline step: each recorded field by its name, in this order. Codes are
// shown as words — from the recording action's form options (e.g. 送达方式 online → 网上送达), else
// from the vocabulary tables below — never as stored.
const DETAIL_LABELS: Record<string, string> = {
  registeringUnit: '登记单位',
  form: '信访形式',
  unit: '单位',
  targetUnit: '目标单位',
  reviewUnit: '复查（复核）机关',
  originalUnit: '重新办理单位',
  reason: '理由',
  reasonText: '具体理由',
  competentBody: '有权处理的机关',
  channelName: '法定途径',
  instructions: '意见',
  outcomeName: '结论',
  request: '信访请求',
  facts: '事实',
  reasons: '理由与依据',
  decision: '处理意见',
  days: '延期天数',
  kind: '方式',
  agreement: '协议内容',
  method: '送达方式',
  receipt: '送达回证',
  petitionerView: '信访人意见',
  bureauRating: '对信访部门评价',
  unitRating: '对责任单位评价',
  comment: '评价意见',
  // 听证 (schedule_hearing, record_hearing)
  place: '听证地点',
  participants: '参加人员',
  record: '听证情况',
  opinion: '听证意见',
  pausedDays: '听证不计入期限（日）',
  // 积案 steps (src/backlog): the level named (省级/市级/县级) and the resolution deadline.
  level: '积案级别',
  deadline: '化解期限',
  note: '备注',
  // 认领 / 移交同事 (src/workbench): who holds the matter in the unit now.
  assignee: '办理人',
  // 督查督办 steps (src/supervision): the kind of order, its number, requirements and feedback date.
  orderType: '督办方式',
  letterNumber: '督办文号',
  requirements: '督办要求',
  feedbackDeadline: '反馈期限',
  // 访调对接 (src/mediation) and 专家库 (src/experts) steps.
  body: '调解组织',
  scope: '移交范围',
  part: '移交部分',
  mediationDeadline: '调解期限',
  session: '调解情况',
  agreementNumber: '调解协议书',
  provider: '参与人员',
  result: '参与效果',
  expert: '专家',
  purpose: '指派事由',
  question: '咨询事项',
  expertOpinion: '专家意见',
  // A follow-up merged into this matter (重复信访): the petitioner's new text, kept as a supplement.
  supplementSubject: '补充事项',
  supplementContent: '补充内容',
  // 内容分类 confirmed or changed at the desk (src/intake).
  categoryName: '内容分类',
  previousCategoryName: '原内容分类',
  subcategoryName: '细分类',
  previousSubcategoryName: '原细分类',
  // 平台间交换 and 12345热线 steps (src/exchange, src/hotline): the peer, its number, what it said.
  peerName: '对方平台',
  remoteNumber: '对方编号',
  messageType: '交换类型',
  progress: '办理情况',
  stateName: '办理状态',
  originHistory: '来件平台办理过程',
};
const DETAIL_VALUE_NAMES: Record<string, Record<string, string>> = {
  form: FORM_NAMES,
  bureauRating: RATING_NAMES,
  unitRating: RATING_NAMES,
};

export interface DetailLine {
  key: string;
  label: string;
  value: string;
}

/** The recorded fields of a step as staff read them: label and value in words. */
export function eventDetailLines(action: string, detail: unknown = {}): DetailLine[] {
  const d = (detail ?? {}) as Record<string, unknown>;
  const fields = definitionOfEvent(action)?.form ?? [];
  const lines: DetailLine[] = [];
  for (const [key, label] of Object.entries(DETAIL_LABELS)) {
    const v = d[key];
    if ((typeof v !== 'string' && typeof v !== 'number') || String(v).trim() === '') continue;
    const option = fields.find((f) => f.name === key)?.options?.find((o) => o.value === v);
    lines.push({ key, label, value: option?.label ?? DETAIL_VALUE_NAMES[key]?.[String(v)] ?? String(v) });
  }
  // A duty taken past its clock says so, with the staff's reason when the viewer may read it.
  const late = lateRecordOf(d);
  if (late) {
    // The due day in Asia/Shanghai (UTC+8, no DST); the web imports this file, so no calendar module.
    const due = new Date(new Date(late.due).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const reason = late.reason ? `，逾期原因：${late.reason}` : '';
    lines.push({
      key: 'late',
      label: '逾期',
      value: `${late.daysLate}日（${late.clockName}截止${due}）${reason}`,
    });
  }
  return lines;
}
