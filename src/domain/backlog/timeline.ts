// The steps of a backlog matter that appear on its case's timeline (办理过程, internal events), and
// their labels: the case timeline reads these through src/domain/lifecycle/timeline.ts.
import type { BacklogActionName } from './states.ts';

export const BACKLOG_EVENTS: Partial<Record<BacklogActionName, { event: string; label: string }>> = {
  propose: { event: 'backlog_proposed', label: '提请认定积案' },
  approve: { event: 'backlog_identified', label: '认定为积案' },
  reject: { event: 'backlog_rejected', label: '不予认定积案' },
  request_close: { event: 'backlog_close_requested', label: '积案申请销号' },
  approve_close: { event: 'backlog_resolved', label: '积案化解销号' },
  return_close: { event: 'backlog_close_returned', label: '退回积案销号申请' },
  request_unflag: { event: 'backlog_unflag_requested', label: '申请撤销积案标识' },
  approve_unflag: { event: 'backlog_unflagged', label: '撤销积案标识' },
  reject_unflag: { event: 'backlog_unflag_rejected', label: '不同意撤销积案标识' },
  take_package: { event: 'backlog_packaged', label: '领导包案' },
};

export const BACKLOG_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(BACKLOG_EVENTS).map((e) => [e.event, e.label]),
);
