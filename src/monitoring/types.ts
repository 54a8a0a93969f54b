// What a monitoring source function (采集函数) gets and gives: the scope (a jurisdiction prefix),
// now, the thresholds in force, how many items to list; the total and the first items.
import type { Executor } from '../db/client.ts';
import type { Thresholds } from '../domain/monitoring/sources.ts';
import type { MonitoringItem } from './contract.ts';

/** An item of a source: the answer's shape (./contract.ts). */
export type { MonitoringItem };

export interface SourceQuery {
  exec: Executor;
  /** The unit looking, if any: matters kept from it (回避) are not listed or counted. */
  viewerUnitId: number | null;
  /** Jurisdiction code of the scope ('320100') and its prefix ('3201'). */
  code: string;
  prefix: string;
  now: Date;
  /** Shanghai date of `now`. */
  today: string;
  limit: number;
  /** Thresholds of the scope's jurisdiction. */
  thresholds: Thresholds;
  /** Thresholds of any jurisdiction (per-item rules, e.g. a matter's own county). */
  thresholdsOf(code: string): Thresholds;
}

export interface SourceResult {
  total: number;
  items: MonitoringItem[];
}

/** A capability's contribution: finds the items of one source in the scope. */
export type SourceCollector = (q: SourceQuery) => Promise<SourceResult>;
