// 周调度 agenda (议程) of a petition bureau for the week of a date: the week's figures, the matters
// to discuss (the top items of the daily monitoring) and the decisions of the last meeting before
// this week with whether they were done.
import { and, count, desc, eq, gte, inArray, isNotNull, like, lt, notInArray } from 'drizzle-orm';
import { receivedWithin } from '../cases/received.ts';
import type { Executor } from '../db/client.ts';
import { backlogMatters, cases, dispatchMeetings } from '../db/schema.ts';
import { IDENTIFIED_STATUSES } from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { AGENDA_TOPICS, WEEK_FIGURES, type WeekFigureKey, weekOf } from '../domain/dispatch/states.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { type Severity, sourcesFor } from '../domain/monitoring/sources.ts';
import { collectSources } from '../monitoring/daily.ts';
import type { Agenda } from './contract.ts';
import { tasksOfMeetings } from './queries.ts';

const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The week's figures of the subtree of `code`, [from, to] inclusive (Shanghai days). */
export async function weekFigures(
  exec: Executor,
  code: string,
  from: string,
  to: string,
  now: Date,
): Promise<Record<WeekFigureKey, number>> {
  const lo = startOf(from);
  const hi = new Date(startOf(to).getTime() + 86_400_000);
  const inScope = like(cases.jurisdictionCode, `${prefixOf(code)}%`);
  const n = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n ?? 0);
  const casesWhere = (...w: Parameters<typeof and>) =>
    n(
      exec
        .select({ n: count() })
        .from(cases)
        .where(and(inScope, ...w)),
    );
  const mattersWhere = (...w: Parameters<typeof and>) =>
    n(
      exec
        .select({ n: count() })
        .from(backlogMatters)
        .where(and(like(backlogMatters.jurisdictionCode, `${prefixOf(code)}%`), ...w)),
    );
  return {
    registered: await casesWhere(receivedWithin(lo, hi)),
    accepted: await casesWhere(gte(cases.acceptedAt, lo), lt(cases.acceptedAt, hi)),
    closed: await casesWhere(gte(cases.closedAt, lo), lt(cases.closedAt, hi)),
    overdue: await casesWhere(notInArray(cases.state, [...TERMINAL_STATES]), lt(cases.dueAt, now)),
    backlogIdentified: await mattersWhere(
      inArray(backlogMatters.status, [...IDENTIFIED_STATUSES]),
      gte(backlogMatters.identifiedAt, lo),
      lt(backlogMatters.identifiedAt, hi),
    ),
    backlogResolved: await mattersWhere(
      eq(backlogMatters.status, 'resolved'),
      gte(backlogMatters.resolvedAt, lo),
      lt(backlogMatters.resolvedAt, hi),
    ),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export type { Agenda };

export async function agendaFor(
  exec: Executor,
  bureau: { unitId: number; name: string; jurisdictionCode: string },
  role: string,
  date: string,
  now: Date,
): Promise<Agenda> {
  const w = weekOf(date);
  const figures = await weekFigures(exec, bureau.jurisdictionCode, w.from, w.to, now);
  const sources = await collectSources(
    exec,
    bureau.jurisdictionCode,
    sourcesFor(role),
    now,
    AGENDA_TOPICS,
    bureau.unitId,
  );
  const topics = sources
    .flatMap((s) =>
      s.items.map((i, rank) => ({ s, i, rank, order: SEVERITY_ORDER[s.severity as Severity] ?? 3 })),
    )
    .sort((a, b) => a.order - b.order || a.rank - b.rank)
    .slice(0, AGENDA_TOPICS)
    .map(({ s, i }) => ({
      source: s.id,
      sourceTitle: s.title,
      severity: s.severity,
      title: i.title,
      caseId: i.caseId,
      caseNumber: i.caseNumber,
      unit: i.unit,
      days: i.days,
      daysLabel: i.daysLabel,
      action: i.action,
    }));
  const [prev] = await exec
    .select({ id: dispatchMeetings.id, date: dispatchMeetings.date })
    .from(dispatchMeetings)
    .where(
      and(
        eq(dispatchMeetings.unitId, bureau.unitId),
        eq(dispatchMeetings.status, 'held'),
        lt(dispatchMeetings.weekStart, w.from),
        isNotNull(dispatchMeetings.heldAt),
      ),
    )
    .orderBy(desc(dispatchMeetings.weekStart))
    .limit(1);
  const [cur] = await exec
    .select({ id: dispatchMeetings.id, status: dispatchMeetings.status, date: dispatchMeetings.date })
    .from(dispatchMeetings)
    .where(and(eq(dispatchMeetings.unitId, bureau.unitId), eq(dispatchMeetings.weekStart, w.from)));
  return {
    bureau,
    week: { from: w.from, to: w.to },
    figures: WEEK_FIGURES.map((f) => ({ key: f.key, name: f.name, value: figures[f.key] })),
    topics,
    previous: prev
      ? {
          meetingId: prev.id,
          date: prev.date,
          tasks: await tasksOfMeetings(exec, [prev.id], shanghaiDate(now)),
        }
      : null,
    meeting: cur ?? null,
  };
}
