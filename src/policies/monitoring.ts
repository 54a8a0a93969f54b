// 日监测: who sees the daily monitoring and the morning digests — petition-bureau staff, for their
// jurisdiction's subtree (a code asked for must lie inside it). Which sources each role sees is the
// source table's (src/domain/monitoring/sources.ts).
import { sourcesFor } from '../domain/monitoring/sources.ts';
import type { Role } from '../domain/roles.ts';
import { AppError, forbidden } from '../errors.ts';
import { type Actor, inSubtree } from './actor.ts';

const READERS: readonly Role[] = ['registrar', 'reviewer', 'supervisor', 'leader', 'analyst', 'admin'];

export const monitoringPolicy = {
  use: (a: Actor): boolean =>
    READERS.includes(a.role) &&
    a.unitKind === 'bureau' &&
    a.scopePrefix !== null &&
    sourcesFor(a.role).length > 0,
  read: (a: Actor, code: string): boolean => monitoringPolicy.use(a) && inSubtree(a, code),
};

/** The scope of a request: the code asked for, or the caller's own jurisdiction (403 otherwise). */
export function monitoringScope(a: Actor, requested?: string): string {
  if (!monitoringPolicy.use(a) || a.jurisdictionCode === null)
    throw forbidden('只有信访部门工作人员可以查看日监测');
  const code = requested ?? a.jurisdictionCode;
  if (!inSubtree(a, code)) throw new AppError(403, 'forbidden_scope', '只能查看本辖区的日监测');
  return code;
}
