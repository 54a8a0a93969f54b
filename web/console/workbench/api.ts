// The workbench's answers as the console reads them (GET /api/v1/workbench/…; the server's
// presenters in src/workbench/presenters.ts).
export interface Queue {
  key: string;
  label: string;
  hint: string;
  /** The queue's parameters of GET /api/v1/cases. */
  params: Record<string, string>;
  count: number;
  countCapped: boolean;
}

export interface QueuesAnswer {
  landing: string | null;
  scope: 'mine' | 'unit';
  items: Queue[];
}

export interface SavedView {
  id: number;
  name: string;
  queue: string;
  filters: Record<string, string>;
}

export interface BulkAnswer {
  done: number;
  failed: number;
  items: { caseId: number; ok: boolean; status: number; code?: string; message?: string }[];
}

/** Query-string keys that are filters (kept in the URL, sent to the API as they are, saved in views). */
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

export const isQueues = (v: unknown): v is QueuesAnswer =>
  typeof v === 'object' && v !== null && Array.isArray((v as QueuesAnswer).items);
