// 批量办理 (bulk actions): only the steps the law lets a unit take for many matters at once with the
// same words — receiving (受理) and routing (交办) to one unit. A reply (答复), a decision or a
// delivery needs its own text and facts per matter and is never offered in bulk.
import type { ActionName } from '../lifecycle/actions.ts';

export const BULK_ACTIONS = ['accept', 'assign'] as const satisfies readonly ActionName[];
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** At most this many matters per bulk request: each is its own transaction. */
export const BULK_MAX = 50;
