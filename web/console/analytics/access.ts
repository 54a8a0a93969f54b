// Who sees 数据分析 in the console menu: the mirror of analyticsPolicy.read (src/policies) — leaders,
// analysts, supervisors and administrators, and the registrars and reviewers of a petition bureau.
// The server enforces it; this only keeps the menu from offering a page that would answer 403.
import type { Me } from '../../shared/api.ts';

const READERS = new Set(['leader', 'analyst', 'supervisor', 'admin']);
const BUREAU_READERS = new Set(['registrar', 'reviewer']);

export function seesAnalytics(me: Me): boolean {
  if (!me.jurisdiction) return false;
  return READERS.has(me.role) || (BUREAU_READERS.has(me.role) && me.unit?.kind === 'bureau');
}
