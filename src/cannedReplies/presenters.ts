// What the API answers for a canned text: its purpose and category by name, and the placeholders
// it uses.
import { PURPOSES, type Purpose, placeholdersIn } from '../domain/cannedReplies/placeholders.ts';
import { categoryLabel } from '../domain/categories.ts';
import type { CannedReplyItem } from './contract.ts';
import type { CannedReplyRow } from './queries.ts';

export function presentCannedReply(r: CannedReplyRow): CannedReplyItem {
  return {
    id: r.id,
    unitId: r.unitId,
    purpose: r.purpose,
    purposeName: Object.hasOwn(PURPOSES, r.purpose) ? PURPOSES[r.purpose as Purpose].label : r.purpose,
    categoryCode: r.categoryCode,
    categoryName: r.categoryCode ? categoryLabel(r.categoryCode) : null,
    title: r.title,
    body: r.body,
    placeholders: placeholdersIn(r.body),
    updatedAt: r.updatedAt.toISOString(),
  };
}
