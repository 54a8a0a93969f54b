// Units (单位) managed by administrators within their subtree (src/policies/admin.ts): add a
// functional department, rename, retire (撤销). A retired unit is never deleted — its matters,
// accounts and history stay — but it receives no new matters (the guard below refuses any action
// that would hand one to it) and no new accounts (src/users/accounts.ts). Each command is one
// transaction with one audit row; the unit caches of this process are dropped after it commits.
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { clearUnitCaches } from '../cases/units.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { EventBus } from '../commands/events.ts';
import type { AppContext } from '../context.ts';
import { jurisdictions, units, users } from '../db/schema.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { PlatformEvents } from '../events.ts';
import { type AdminAction, adminPolicy } from '../policies/admin.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';

type UnitRow = typeof units.$inferSelect;

async function unitFor(w: Work, actor: Actor, id: number, action: AdminAction): Promise<UnitRow> {
  const [unit] = await w.tx.select().from(units).where(eq(units.id, id)).for('update');
  if (!unit || !adminPolicy.may(actor, 'unit.rename', unit)) throw notFound('未找到该单位，或不在本辖区');
  ensureAllowed(adminPolicy.may(actor, action, unit));
  return unit;
}

const audit = (w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) => {
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entity: 'unit',
    entityId: id,
    summary,
  });
  w.afterCommit(() => clearUnitCaches(w.ctx.db));
};

export interface NewUnit {
  jurisdictionCode: string;
  deptKey: string;
  name: string;
  shortName: string;
}

/** A functional department (职能部门); each jurisdiction has its one petition bureau already. */
export function createUnit(ctx: AppContext, actor: Actor, input: NewUnit) {
  return runCommand(ctx, async (w) => {
    const [j] = await w.tx.select().from(jurisdictions).where(eq(jurisdictions.code, input.jurisdictionCode));
    if (!j) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'jurisdictionCode');
    ensureAllowed(
      adminPolicy.may(actor, 'unit.create', { jurisdictionCode: j.code }),
      '只能在本辖区新增单位',
    );
    const [taken] = await w.tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionCode, j.code), eq(units.deptKey, input.deptKey)));
    if (taken) throw conflict('unit_key_taken', '该行政区划已有相同代号的单位');
    const [unit] = await w.tx
      .insert(units)
      .values({ ...input, kind: 'department' })
      .returning({ id: units.id });
    if (!unit) throw new Error('insert returned nothing');
    audit(w, actor, 'unit.create', unit.id, { after: { ...input, kind: 'department' } });
    return { id: unit.id };
  });
}

export function renameUnit(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: { name: string; shortName: string },
) {
  return runCommand(ctx, async (w) => {
    const unit = await unitFor(w, actor, id, 'unit.rename');
    await w.tx.update(units).set(input).where(eq(units.id, id));
    audit(w, actor, 'unit.rename', id, {
      before: { name: unit.name, shortName: unit.shortName },
      after: input,
    });
    return { id };
  });
}

/** 撤销. The petition bureau of a jurisdiction is never retired: matters of its place go to it. */
export function retireUnit(ctx: AppContext, actor: Actor, id: number) {
  return runCommand(ctx, async (w) => {
    const unit = await unitFor(w, actor, id, 'unit.retire');
    if (unit.kind === 'bureau') throw conflict('bureau_not_retirable', '信访部门不能撤销');
    if (unit.retiredAt) throw conflict('unit_already_retired', '该单位已撤销');
    const [active] = await w.tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.unitId, id), eq(users.disabled, false)))
      .limit(1);
    if (active) throw conflict('unit_has_accounts', '该单位仍有启用的账号，请先停用或调整其单位');
    await w.tx.update(units).set({ retiredAt: new Date() }).where(eq(units.id, id));
    audit(w, actor, 'unit.retire', id, { name: unit.name });
    return { id, retired: true };
  });
}

/** Units newly given a matter by an action: the holder, the assignee, the reviewer, co-units. */
const UNIT_FIELDS = ['currentUnitId', 'assignedUnitId', 'bureauUnitId', 'reviewUnitId'] as const;

/** Wired in src/capabilities.ts: no action hands a matter to a retired unit (400, nothing stored). */
export function subscribeRetiredUnits(events: EventBus<PlatformEvents>): void {
  events.on(
    'case.acted',
    'orgs.retired_guard',
    async (w, e) => {
      const given = new Set<number>();
      for (const f of UNIT_FIELDS) {
        const v = e.after[f];
        if (v != null && v !== e.before[f]) given.add(v);
      }
      for (const v of e.after.coUnitIds ?? []) if (!(e.before.coUnitIds ?? []).includes(v)) given.add(v);
      if (given.size === 0) return;
      const [retired] = await w.tx
        .select({ name: units.name })
        .from(units)
        .where(and(inArray(units.id, [...given]), isNotNull(units.retiredAt)))
        .limit(1);
      if (retired)
        throw badRequest('unit_retired', `${retired.name}已撤销，不能再接收信访事项`, 'targetUnitId');
    },
    2,
  );
}
