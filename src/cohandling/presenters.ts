// A co-handled matter as staff see it: lead, coordinating bureau, 三跨三分离 in words, each part.
import { CROSS_TYPE_NAMES, type CrossType } from '../domain/cohandling.ts';
import type { CohandlingView } from './contract.ts';
import type { cohandlingOf } from './queries.ts';

export function presentCohandling(r: NonNullable<Awaited<ReturnType<typeof cohandlingOf>>>): CohandlingView {
  const cross = (Array.isArray(r.crossTypes) ? r.crossTypes : []) as string[];
  return {
    leadUnitId: r.leadUnitId,
    leadUnit: r.leadUnit,
    coordinatingUnit: r.coordinatingUnit,
    crossTypes: cross.map((key) => ({ key, name: CROSS_TYPE_NAMES[key as CrossType] ?? key })),
    instructions: r.instructions,
    createdAt: r.createdAt.toISOString(),
    parts: r.parts.map((p) => ({ ...p, feedbackAt: p.feedbackAt?.toISOString() ?? null })),
    pending: r.parts.filter((p) => p.feedbackAt === null).length,
  };
}
