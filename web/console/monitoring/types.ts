// Shapes of /api/v1/monitoring answers used by the console's 日监测 page: the server's contract.
export type {
  Daily,
  Digest,
  MonitoringItem,
  MonitoringSource,
} from '../../../src/monitoring/contract.ts';

export const SEVERITY: Record<string, { color: string; label: string }> = {
  high: { color: 'red', label: '紧急' },
  medium: { color: 'orange', label: '关注' },
  low: { color: 'blue', label: '提示' },
};
