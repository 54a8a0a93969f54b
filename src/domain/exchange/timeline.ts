// The exchange steps that appear on a matter's timeline (办理过程, internal events) on both
// platforms: what was sent to or received from the peer. The case timeline reads these labels
// through src/domain/lifecycle/timeline.ts.
import type { MessageType } from './format.ts';

export const EXCHANGE_EVENTS: Record<'out' | 'in', Record<MessageType, { event: string; label: string }>> = {
  out: {
    'matter.transfer': { event: 'exchange_transfer_sent', label: '转送至外平台' },
    'matter.assign': { event: 'exchange_assign_sent', label: '交办至外平台' },
    'matter.accept': { event: 'exchange_accept_sent', label: '向来件平台签收' },
    'matter.object': { event: 'exchange_object_sent', label: '向来件平台提出异议' },
    'matter.report': { event: 'exchange_report_sent', label: '向来件平台报送办理情况' },
    'matter.result': { event: 'exchange_result_sent', label: '向来件平台报送办理结果' },
  },
  in: {
    'matter.transfer': { event: 'exchange_transfer_received', label: '外平台转送来件' },
    'matter.assign': { event: 'exchange_assign_received', label: '外平台交办来件' },
    'matter.accept': { event: 'exchange_accept_received', label: '外平台已签收' },
    'matter.object': { event: 'exchange_object_received', label: '外平台提出异议' },
    'matter.report': { event: 'exchange_report_received', label: '外平台报送办理情况' },
    'matter.result': { event: 'exchange_result_received', label: '外平台报送办理结果' },
  },
};

/** A 12345 work order registered here. */
export const HOTLINE_RECEIVED = { event: 'hotline_order_received', label: '12345热线工单转入' };

export const EXCHANGE_EVENT_LABELS: Record<string, string> = Object.fromEntries([
  ...Object.values(EXCHANGE_EVENTS.out).map((e) => [e.event, e.label]),
  ...Object.values(EXCHANGE_EVENTS.in).map((e) => [e.event, e.label]),
  [HOTLINE_RECEIVED.event, HOTLINE_RECEIVED.label],
]);

/** Link status after a message of this type went either way. */
export const LINK_STATUS_AFTER: Record<MessageType, string> = {
  'matter.transfer': 'sent',
  'matter.assign': 'sent',
  'matter.accept': 'accepted',
  'matter.object': 'objected',
  'matter.report': 'reported',
  'matter.result': 'resulted',
};

export const LINK_STATUS_NAMES: Record<string, string> = {
  sent: '已发出',
  received: '已接收',
  accepted: '已签收',
  objected: '有异议',
  reported: '已报送办理情况',
  resulted: '已报送结果',
};
