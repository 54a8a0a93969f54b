// The workbench's answers as the console reads them (GET /api/v1/workbench/…): the server's own
// types (src/workbench/contract.ts) and filter keys (src/domain/workbench/queues.ts).
import type { QueuesAnswer } from '../../../src/workbench/contract.ts';

export { FILTER_KEYS } from '../../../src/domain/workbench/queues.ts';
export type {
  BulkAnswer,
  QueueItem as Queue,
  QueuesAnswer,
  ViewItem as SavedView,
} from '../../../src/workbench/contract.ts';

export const isQueues = (v: unknown): v is QueuesAnswer =>
  typeof v === 'object' && v !== null && Array.isArray((v as QueuesAnswer).items);
