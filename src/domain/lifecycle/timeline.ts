// A timeline event in words — the staff label, the petitioner's sentences and the unit the public
// query names — from the definition that recorded it, or for the events that are not actions
// (登记, a repeat merged into this matter, the group check, deadline reminders) from this table.
import { BACKLOG_EVENT_LABELS } from '../backlog/timeline.ts';
import { definitionOfEvent } from './actions.ts';
import { type Phrase, phrase, text } from './define.ts';

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
