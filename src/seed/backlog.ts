// Demo backlog matters (积案) for the seeded cases: each case the simulation flagged as 积案 becomes
// an identified matter — proposed by its county bureau, identified by the city bureau, with a
// responsible unit, a deadline and a plan; the ones whose case has since ended are resolved (seven
// standards met and signed, 销号 by the city), some are waiting for 销号 — so the ledger, its rates
// and the matter pages have content on first start. Then the daily candidate pass proposes the
// system's candidates. Deterministic for a seed; does nothing when matters exist already.
import { and, eq, gte, inArray, like, lt, notInArray, or, sql } from 'drizzle-orm';
import { runBacklogCandidatePass } from '../backlog/candidates.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  backlogChecks,
  backlogMatters,
  backlogPackageRecords,
  backlogPackages,
  backlogProgress,
  backlogSteps,
  caseEvents,
  cases,
  units,
  users,
} from '../db/schema.ts';
import { CONTESTED_STATES } from '../domain/backlog/rules.ts';
import { STANDARDS } from '../domain/backlog/standards.ts';
import { BACKLOG_EVENTS } from '../domain/backlog/timeline.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { prefixOf } from '../domain/jurisdictions.ts';
import { TERMINAL_STATES } from '../domain/lifecycle/vocabulary.ts';
import { DEMO_HANDLER_DEPT, DEMO_LEVELS } from './demo.ts';
import { createRng } from './random.ts';

const DAY = 86_400_000;
const MAX_MATTERS = 150;

const PLAN = [
  '调阅历次办理材料，梳理诉求与争议焦点',
  '责任单位约谈信访人，当面听取诉求',
  '召开协调会，研究化解方案',
  '落实化解措施并答复信访人',
];

const poolColumns = {
  id: cases.id,
  backlog: cases.backlog,
  jurisdictionCode: cases.jurisdictionCode,
  state: cases.state,
  assignedUnitId: cases.assignedUnitId,
  receivedAt: cases.receivedAt,
  flaggedAt: sql<
    string | null
  >`(select min(e.at)::text from ${caseEvents} e where e.case_id = ${cases.id} and e.action = 'flag_backlog')`,
};
const isTerminal = (state: string) => (TERMINAL_STATES as readonly string[]).includes(state);

export interface SeedBacklogResult {
  identified: number;
  resolved: number;
  candidates: number;
}

export async function seedBacklog(
  ctx: AppContext,
  opts: { seed: number; now?: Date },
): Promise<SeedBacklogResult> {
  const now = opts.now ?? new Date();
  const rng = createRng(opts.seed * 7919 + 13);
  const result = await runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: backlogMatters.id }).from(backlogMatters).limit(1);
    if (any) return { identified: 0, resolved: 0 };
    // The cases the simulation flagged, and a share of other old matters with repeats, a group or a
    // contested review (the 积案 of a real office are mostly such), at most MAX_MATTERS.
    const pool = await tx
      .select(poolColumns)
      .from(cases)
      .where(
        or(
          eq(cases.backlog, true),
          and(
            lt(cases.receivedAt, new Date(now.getTime() - 150 * DAY)),
            or(
              gte(cases.repeatCount, 1),
              eq(cases.isGroup, true),
              inArray(cases.state, [...CONTESTED_STATES]),
            ),
          ),
        ),
      )
      .orderBy(cases.id)
      .limit(5000);
    const flagged = pool.filter((c) => c.backlog || rng.chance(0.3)).slice(0, MAX_MATTERS);
    // Each demo department (the demo handlers' 住建 units) is responsible for a matter being
    // resolved, so its 积案化解 page shows its own work on first start, not only when chance gave it
    // one: its own oldest open matter, else the oldest open 住建 matter of its subtree (escalated to it).
    const mustWork = new Map<number, number>(); // case → responsible unit
    const departments = await tx
      .select({ id: units.id, code: units.jurisdictionCode })
      .from(units)
      .where(
        and(
          eq(units.deptKey, DEMO_HANDLER_DEPT),
          inArray(
            units.jurisdictionCode,
            DEMO_LEVELS.map((l) => l.code),
          ),
        ),
      )
      .orderBy(units.id);
    for (const d of departments) {
      const open = await tx
        .select(poolColumns)
        .from(cases)
        .innerJoin(units, eq(units.id, cases.assignedUnitId))
        .where(
          and(
            eq(units.deptKey, DEMO_HANDLER_DEPT),
            like(cases.jurisdictionCode, `${prefixOf(d.code)}%`),
            notInArray(cases.state, [...TERMINAL_STATES]),
          ),
        )
        .orderBy(sql`${cases.assignedUnitId} = ${d.id} desc`, cases.receivedAt, cases.id)
        .limit(20);
      const c = open.find((o) => !mustWork.has(o.id));
      if (!c) continue;
      if (!flagged.some((f) => f.id === c.id)) flagged.push(c);
      mustWork.set(c.id, d.id);
    }
    const extra = flagged.filter((c) => !c.backlog).map((c) => c.id);
    if (extra.length) await tx.update(cases).set({ backlog: true }).where(inArray(cases.id, extra));
    if (flagged.length === 0) return { identified: 0, resolved: 0 };
    const codes = [
      ...new Set(
        flagged.flatMap((c) => [c.jurisdictionCode.slice(0, 6), `${c.jurisdictionCode.slice(0, 4)}00`]),
      ),
    ];
    const bureaus = await tx
      .select({ id: units.id, code: units.jurisdictionCode, name: units.name })
      .from(units)
      .where(and(inArray(units.jurisdictionCode, codes), eq(units.kind, 'bureau')));
    const bureauOf = (code: string) => bureaus.find((b) => b.code === code);
    let identified = 0;
    let resolved = 0;
    let closing = 0;
    for (const c of flagged) {
      const county = bureauOf(c.jurisdictionCode.slice(0, 6));
      const city = bureauOf(`${c.jurisdictionCode.slice(0, 4)}00`);
      if (!county || !city) continue;
      const identifiedAt = new Date(
        Math.min(
          now.getTime() - DAY,
          (c.flaggedAt ? new Date(c.flaggedAt) : new Date(c.receivedAt.getTime() + 150 * DAY)).getTime(),
        ),
      );
      const proposedAt = new Date(
        Math.max(c.receivedAt.getTime(), identifiedAt.getTime() - rng.int(1, 5) * DAY),
      );
      const ended = isTerminal(c.state);
      const age = (now.getTime() - identifiedAt.getTime()) / DAY;
      // At least one matter waits for 销号 (the first old open one), so 候选与待办 is never empty by chance.
      const responsibleUnitId = mustWork.get(c.id) ?? c.assignedUnitId ?? county.id;
      const drawn =
        ended && rng.chance(0.7)
          ? 'resolved'
          : age > 60 && (closing === 0 || rng.chance(0.25))
            ? 'closing'
            : 'identified';
      const status = mustWork.has(c.id) ? 'identified' : drawn;
      if (status === 'closing') closing++;
      const resolvedAt =
        status === 'resolved'
          ? new Date(Math.min(now.getTime() - DAY, identifiedAt.getTime() + rng.int(30, 150) * DAY))
          : null;
      const level = rng.chance(0.2) ? 'city' : 'county';
      const reason = rng.pick([
        '受理后逾半年未化解',
        '重复信访，诉求长期未解决',
        '复查复核后仍反复信访',
        '涉及多部门，久拖未决',
      ]);
      const deadline = shanghaiDate(new Date(identifiedAt.getTime() + 90 * DAY));
      const note = (
        action: 'propose' | 'approve' | 'request_close' | 'approve_close',
        at: Date,
        by: string,
        text: string,
      ) => ({
        action,
        label: {
          propose: '提请认定',
          approve: '认定积案',
          request_close: '申请销号',
          approve_close: '审核同意销号',
        }[action],
        at: at.toISOString(),
        userId: null,
        by,
        text,
      });
      const notes = [
        note('propose', proposedAt, county.name, reason),
        note('approve', identifiedAt, city.name, '符合积案认定条件，予以认定'),
      ];
      const closeAsked = status === 'closing' ? new Date(now.getTime() - rng.int(1, 10) * DAY) : resolvedAt;
      if (closeAsked)
        notes.push(
          note('request_close', closeAsked, county.name, '诉求已依法依规解决，信访人签署息诉罢访承诺书'),
        );
      if (resolvedAt) notes.push(note('approve_close', resolvedAt, city.name, '七条标准均已达到，同意销号'));
      const [m] = await tx
        .insert(backlogMatters)
        .values({
          caseId: c.id,
          jurisdictionCode: c.jurisdictionCode,
          status,
          source: 'manual',
          reason,
          level,
          responsibleUnitId,
          deadline,
          proposingUnitId: county.id,
          approvingUnitId: city.id,
          proposedAt,
          identifiedAt,
          resolvedAt,
          endedAt: resolvedAt,
          notes,
          createdAt: proposedAt,
          updatedAt: resolvedAt ?? closeAsked ?? identifiedAt,
        })
        .returning({ id: backlogMatters.id });
      if (!m) continue;
      identified++;
      if (resolvedAt) resolved++;
      // Counted in the rollups as a real 认定 and 销号 would be (src/analytics subscribes).
      const stepped = {
        matterId: m.id,
        caseId: c.id,
        identifiedAt,
        responsibleUnitId,
      };
      await w.publish('backlog.stepped', { ...stepped, step: 'identified', at: identifiedAt });
      if (resolvedAt) await w.publish('backlog.stepped', { ...stepped, step: 'resolved', at: resolvedAt });
      // The plan: all steps done when resolved or closing, some otherwise.
      const doneSteps = status === 'identified' ? rng.int(0, PLAN.length - 1) : PLAN.length;
      for (const [i, title] of PLAN.entries()) {
        const due = new Date(identifiedAt.getTime() + (i + 1) * 20 * DAY);
        const doneAt =
          i < doneSteps
            ? new Date(Math.min(now.getTime() - DAY, due.getTime() - rng.int(0, 10) * DAY))
            : null;
        const [step] = await tx
          .insert(backlogSteps)
          .values({
            matterId: m.id,
            title,
            ownerName: i % 2 === 0 ? '责任单位分管负责人' : '信访局督查科',
            dueDate: shanghaiDate(due),
            doneAt,
            createdAt: identifiedAt,
          })
          .returning({ id: backlogSteps.id });
        if (doneAt && step)
          await tx
            .insert(backlogProgress)
            .values({ matterId: m.id, stepId: step.id, note: `已完成：${title}`, at: doneAt });
      }
      // The seven standards: all met when resolved or closing, some otherwise.
      const met = status === 'identified' ? rng.int(0, 4) : STANDARDS.length;
      const checks = STANDARDS.slice(0, met).map((s) => ({
        matterId: m.id,
        standard: s.key,
        evidence: `${s.name}：${s.hint}，见卷宗`,
        evidenceAt: identifiedAt,
        signedAt: closeAsked ?? identifiedAt,
      }));
      if (checks.length) await tx.insert(backlogChecks).values(checks);
      const events: {
        action: 'propose' | 'approve' | 'request_close' | 'approve_close';
        at: Date;
        unitId: number;
        role: string;
        d: Record<string, unknown>;
      }[] = [
        { action: 'propose', at: proposedAt, unitId: county.id, role: 'supervisor', d: { reason } },
        {
          action: 'approve',
          at: identifiedAt,
          unitId: city.id,
          role: 'supervisor',
          d: { note: '符合积案认定条件，予以认定', deadline },
        },
      ];
      if (closeAsked)
        events.push({
          action: 'request_close',
          at: closeAsked,
          unitId: county.id,
          role: 'supervisor',
          d: { note: '申请销号' },
        });
      if (resolvedAt)
        events.push({
          action: 'approve_close',
          at: resolvedAt,
          unitId: city.id,
          role: 'reviewer',
          d: { note: '同意销号' },
        });
      await tx.insert(caseEvents).values(
        events.map((e) => ({
          caseId: c.id,
          at: e.at,
          action: BACKLOG_EVENTS[e.action]?.event ?? e.action,
          actorRole: e.role,
          actorUnitId: e.unitId,
          detail: { backlogId: m.id, ...e.d },
          public: false,
        })),
      );
    }
    // 领导包案: the leaders of the bureaus take some matters of their subtree (the demo accounts
    // nj_leader and gl_leader among them), with a plan and a recorded meeting.
    const leaders = await tx
      .select({ id: users.id, unitId: units.id, code: units.jurisdictionCode })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(and(eq(users.role, 'leader'), eq(units.kind, 'bureau')));
    const identifiedMatters = await tx
      .select({
        id: backlogMatters.id,
        code: backlogMatters.jurisdictionCode,
        identifiedAt: backlogMatters.identifiedAt,
      })
      .from(backlogMatters)
      .orderBy(backlogMatters.id);
    let packages = 0;
    for (const l of leaders) {
      if (l.code.length > 6 || l.code.slice(2) === '0000') continue;
      const prefix = l.code.slice(4) === '00' ? l.code.slice(0, 4) : l.code;
      const mine = identifiedMatters.filter((m) => m.code.startsWith(prefix)).slice(0, 2);
      for (const m of mine) {
        const takenAt = new Date(
          Math.min(now.getTime() - DAY, (m.identifiedAt?.getTime() ?? now.getTime()) + 7 * DAY),
        );
        const [p] = await tx
          .insert(backlogPackages)
          .values({
            matterId: m.id,
            leaderUserId: l.id,
            leaderUnitId: l.unitId,
            jurisdictionCode: l.code,
            level: l.code.slice(4) === '00' ? 'city' : 'county',
            takenAt,
            plan: {
              grasp: '调阅卷宗，听取责任单位汇报，掌握诉求与症结',
              educate: '当面接谈，讲清政策法规',
              solve: '协调相关部门落实化解措施',
              settle: '跟踪回访，确保息访息诉',
            },
          })
          .onConflictDoNothing()
          .returning({ id: backlogPackages.id });
        if (!p) continue;
        packages++;
        await tx.insert(backlogPackageRecords).values({
          packageId: p.id,
          kind: 'meeting',
          date: shanghaiDate(takenAt),
          note: '主持召开协调会，研究化解方案',
          createdAt: takenAt,
        });
      }
    }
    w.audit({ action: 'seed.backlog', entity: 'installation', summary: { identified, resolved, packages } });
    return { identified, resolved };
  });
  const pass = await runBacklogCandidatePass(ctx, now);
  return { ...result, candidates: pass.added };
}
