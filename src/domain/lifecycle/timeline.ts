// A timeline event in words — the staff label, the petitioner's sentences and the unit the public
// query names — from the definition that recorded it, or for the events that are not actions
// (登记, a repeat merged into this matter, the group check, deadline reminders) from this table.
import { definitionOfEvent } from './actions.ts';
import { type Phrase, phrase, text } from './define.ts';

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
  const label = def ? (def.eventLabel?.(d) ?? def.label) : (OTHER_EVENTS[action]?.label ?? action);
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
