// The cases behind a number (GET /api/v1/analytics/cases): the matters a figure counts, newest
// first, one page at a time over the received-date index (cases_received_idx), inside the caller's
// case scope. Which date and which unit a metric uses matches the rollup that counts it.

import { and, count, desc, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { receivedWithin } from '../cases/received.ts';
import type { Db } from '../db/client.ts';
import { cases } from '../db/schema.ts';
import { subcategoryPattern } from '../domain/admin/categories.ts';
import type { DateRange } from '../domain/indicators/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { type Actor, caseScope } from '../policies/index.ts';
import type { DrillMetric } from './contract.ts';

export { DRILL_METRICS, type DrillMetric } from './contract.ts';

const start = (d: string) => new Date(`${d}T00:00:00+08:00`);
const end = (d: string) => new Date(start(d).getTime() + 86_400_000);

export interface DrillQuery {
  range: DateRange;
  scope: string;
  metric: DrillMetric;
  category?: string;
  form?: string;
  purpose?: string;
  unit?: number;
  page: number;
  pageSize: number;
}

export async function casesBehind(db: Db, actor: Actor, q: DrillQuery) {
  const received = receivedWithin(start(q.range.from), end(q.range.to));
  const where: (SQL | undefined)[] = [
    caseScope(actor),
    like(cases.jurisdictionCode, `${prefixOf(q.scope)}%`),
  ];
  if (q.category) {
    // A second or third level (细分类, the table by 细分类) filters on the matter's 细分类.
    const sub = subcategoryPattern(q.category);
    where.push(sub ? like(cases.subcategoryCode, sub) : like(cases.categoryCode, `${q.category}%`));
  }
  if (q.form) where.push(eq(cases.form, q.form));
  if (q.purpose) where.push(eq(cases.purpose, q.purpose));
  // The unit a figure is counted for: registering unit for intake figures, the rated unit for
  // satisfaction, the unit holding the matter for overdue.
  const unit = (col: SQL | AnyPgColumn) => (q.unit === undefined ? undefined : sql`${col} = ${q.unit}`);
  switch (q.metric) {
    case 'total':
      where.push(received, unit(cases.registeringUnitId));
      break;
    case 'online':
      where.push(received, eq(cases.form, 'online'), unit(cases.registeringUnitId));
      break;
    case 'skippedLevel':
      where.push(received, eq(cases.skippedLevel, true), unit(cases.registeringUnitId));
      break;
    case 'group':
      where.push(received, eq(cases.isGroup, true), unit(cases.registeringUnitId));
      break;
    case 'repeat':
      // Repeats received in the range, and open matters that drew repeat petitions in it.
      where.push(
        unit(cases.registeringUnitId),
        sql`((${received} AND ${cases.firstTime} = false) OR (${cases.repeatCount} > 0 AND EXISTS (
          SELECT 1 FROM case_events e WHERE e.case_id = ${cases.id} AND e.at >= ${cases.receivedAt}
            AND e.action = 'link_repeat'
            AND (e.detail->>'receivedAt')::timestamptz >= ${start(q.range.from).toISOString()}::timestamptz
            AND (e.detail->>'receivedAt')::timestamptz < ${end(q.range.to).toISOString()}::timestamptz)))`,
      );
      break;
    case 'unsatisfied':
      where.push(
        eq(cases.unitRating, 'dissatisfied'),
        gte(cases.ratedAt, start(q.range.from)),
        lt(cases.ratedAt, end(q.range.to)),
        unit(sql`coalesce(${cases.assignedUnitId}, ${cases.bureauUnitId})`),
      );
      break;
    case 'overdue':
      // Overdue now (whatever the dates): the open matters the daily sweep flagged.
      where.push(eq(cases.dueFlag, 'overdue'), sql`${cases.closedAt} IS NULL`, unit(cases.currentUnitId));
      break;
  }
  const cond = and(...where);
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(cases)
      .where(cond)
      .orderBy(desc(cases.receivedAt), desc(cases.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(cases).where(cond),
  ]);
  return { items, total: total?.n ?? 0 };
}
