// A timeline event in words — the staff label, the petitioner's sentences and the unit the public
// query names — from the definition that recorded it, or for the events that are not actions
// (登记, a repeat merged into this matter, the group check, deadline reminders) from this table.
import { BACKLOG_EVENT_LABELS } from '../backlog/timeline.ts';
import { definitionOfEvent } from './actions.ts';
import { type Phrase, phrase, text } from './define.ts';
import { FORM_NAMES, RATING_NAMES } from './vocabulary.ts';

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
  if (def) return def.eventLabel?.(d) ?? def.label;
  return OTHER_EVENTS[action]?.label ?? BACKLOG_EVENT_LABELS[action] ?? action;
}

/** What the petitioner reads for a public event (empty: the label says it all). */
export function eventPhrases(action: string, detail: unknown = {}): Phrase[] {
  const d = (detail ?? {}) as Record<string, unknown>;
  const def = definitionOfEvent(action);
  return (def ? def.describe?.(d) : OTHER_EVENTS[action]?.describe?.(d)) ?? [];
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
  note: '备注',
  // A follow-up merged into this matter (重复信访): the petitioner's new text, kept as a supplement.
  supplementSubject: '补充事项',
  supplementContent: '补充内容',
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
  return lines;
}
