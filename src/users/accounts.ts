// Commands on existing staff accounts, each one transaction (runCommand) with one audit row: edit,
// role change, disable/enable, an administrator's password reset, and one's own password change.
// Who may do what: src/policies/admin.ts. Disabling, a reset and a role change end the account's
// sessions in the same transaction, and this process forgets its cached sessions once it commits
// (src/auth/sessions.ts), so the next request of that account is answered 401 at once.
import { randomInt } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { forgetAllSessions, sessionIdOf } from '../auth/sessions.ts';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { sessions, units, users } from '../db/schema.ts';
import { passwordProblem } from '../domain/passwords.ts';
import type { Role } from '../domain/roles.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { type AdminAction, adminPolicy } from '../policies/admin.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';

type UserRow = typeof users.$inferSelect;

/** The account, if the actor may see it (staff of a unit in the admin's subtree), else 404. */
async function accountFor(
  w: Work,
  actor: Actor,
  id: number,
  action: AdminAction,
): Promise<{ user: UserRow; jurisdictionCode: string }> {
  const [row] = await w.tx
    .select({ user: users, jurisdictionCode: units.jurisdictionCode })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id))
    .for('update', { of: users });
  if (!row || row.user.role === 'citizen' || !adminPolicy.may(actor, 'user.update', row)) throw notFound();
  ensureAllowed(
    adminPolicy.may(actor, action, { jurisdictionCode: row.jurisdictionCode, userId: id }),
    '不能对本人账号执行此操作',
  );
  return row;
}

/** A unit accounts may be placed in: in the admin's subtree and not retired. */
async function openUnit(w: Work, actor: Actor, unitId: number) {
  const [unit] = await w.tx.select().from(units).where(eq(units.id, unitId));
  if (!unit) throw badRequest('unknown_unit', '所选单位不存在', 'unitId');
  ensureAllowed(adminPolicy.may(actor, 'user.update', unit), '只能选择本辖区的单位');
  if (unit.retiredAt) throw badRequest('unit_retired', '该单位已撤销，不能再加入工作人员', 'unitId');
  return unit;
}

const endSessions = async (w: Work, userId: number) => {
  const ended = await w.tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  w.afterCommit(() => forgetAllSessions(w.ctx.db));
  return ended.length;
};

const audit = (w: Work, actor: Actor, action: string, id: number, summary: Record<string, unknown>) =>
  w.audit({
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    entity: 'user',
    entityId: id,
    summary,
  });

export interface StaffEdit {
  displayName?: string;
  phone?: string | null;
  unitId?: number;
}

export function updateStaffUser(ctx: AppContext, actor: Actor, id: number, input: StaffEdit) {
  return runCommand(ctx, async (w) => {
    const { user } = await accountFor(w, actor, id, 'user.update');
    const patch: Partial<UserRow> = {};
    if (input.displayName !== undefined && input.displayName !== user.displayName)
      patch.displayName = input.displayName;
    if (input.unitId !== undefined && input.unitId !== user.unitId)
      patch.unitId = (await openUnit(w, actor, input.unitId)).id;
    if (input.phone !== undefined) {
      patch.phoneEnc = input.phone ? ctx.pii.encrypt(input.phone) : null;
      patch.phoneHash = input.phone ? ctx.pii.hash(input.phone) : null;
    }
    if (Object.keys(patch).length === 0) return { id, changed: [] as string[] };
    await w.tx.update(users).set(patch).where(eq(users.id, id));
    // A moved account sees another subtree: its cached sessions must be read again.
    if (patch.unitId !== undefined) w.afterCommit(() => forgetAllSessions(ctx.db));
    const changed = Object.keys(patch)
      .filter((k) => k !== 'phoneHash')
      .map((k) => (k === 'phoneEnc' ? 'phone' : k));
    audit(w, actor, 'user.update', id, {
      changed,
      ...(patch.unitId !== undefined
        ? { before: { unitId: user.unitId }, after: { unitId: patch.unitId } }
        : {}),
    });
    return { id, changed };
  });
}

export function changeRole(ctx: AppContext, actor: Actor, id: number, role: Exclude<Role, 'citizen'>) {
  return runCommand(ctx, async (w) => {
    const { user } = await accountFor(w, actor, id, 'user.role');
    if (user.role === role) return { id, role };
    await w.tx.update(users).set({ role }).where(eq(users.id, id));
    // The role is part of every session's actor: each open session must be read again at once.
    w.afterCommit(() => forgetAllSessions(ctx.db));
    audit(w, actor, 'user.role', id, { before: { role: user.role }, after: { role } });
    return { id, role };
  });
}

/** 停用 ends every session of the account in the same transaction; 启用 lets it log in again. */
export function setDisabled(ctx: AppContext, actor: Actor, id: number, disabled: boolean) {
  return runCommand(ctx, async (w) => {
    const { user } = await accountFor(w, actor, id, disabled ? 'user.disable' : 'user.enable');
    if (user.disabled === disabled) return { id, disabled, sessionsEnded: 0 };
    await w.tx.update(users).set({ disabled }).where(eq(users.id, id));
    const sessionsEnded = disabled ? await endSessions(w, id) : 0;
    audit(w, actor, disabled ? 'user.disable' : 'user.enable', id, { sessionsEnded });
    return { id, disabled, sessionsEnded };
  });
}

// No 0/O, 1/l/I: the administrator reads it out to the account's owner.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password of 14 characters from ALPHABET (≈ 80 bits), good for one change. */
export function temporaryPassword(): string {
  let p = '';
  while (p.length < 14) p += ALPHABET[randomInt(ALPHABET.length)];
  return p;
}

/**
 * 重置密码: a new temporary password, shown once to the administrator and never stored in clear; the
 * account must change it at its next login (src/server/auth.ts lets it do nothing else), and its
 * open sessions end.
 */
export async function resetPassword(ctx: AppContext, actor: Actor, id: number) {
  ensureAllowed(adminPolicy.mayAny(actor, 'user.reset_password'));
  const temporary = temporaryPassword();
  const passwordHash = await hashPassword(temporary); // slow: before the transaction
  return runCommand(ctx, async (w) => {
    await accountFor(w, actor, id, 'user.reset_password');
    await w.tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id));
    const sessionsEnded = await endSessions(w, id);
    audit(w, actor, 'user.reset_password', id, { sessionsEnded });
    return { id, temporaryPassword: temporary };
  });
}

/**
 * 修改密码 (one's own): the current password is required. The account's other sessions end; the
 * one it was changed from stays open.
 */
export async function changeOwnPassword(
  ctx: AppContext,
  actor: Actor,
  currentToken: string | null,
  input: { currentPassword: string; newPassword: string },
) {
  if (!adminPolicy.changeOwnPassword(actor))
    throw new AppError(403, 'forbidden', '仅工作人员账号可在此修改密码');
  const [me] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!me) throw notFound();
  if (!(await verifyPassword(me.passwordHash, input.currentPassword)))
    throw badRequest('wrong_password', '当前密码不正确', 'currentPassword');
  const weak = passwordProblem(input.newPassword, { username: me.username ?? undefined });
  if (weak) throw badRequest(weak.code, weak.message, 'newPassword');
  if (input.newPassword === input.currentPassword)
    throw badRequest('password_unchanged', '新密码不能与当前密码相同', 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return runCommand(ctx, async (w) => {
    const [row] = await w.tx
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, actor.userId))
      .for('update');
    // Changed meanwhile (another tab, a reset): the current password checked above is no longer it.
    if (row?.hash !== me.passwordHash) throw conflict('password_changed', '密码已被修改，请重新登录后再试');
    await w.tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(users.id, actor.userId));
    const others = currentToken
      ? and(eq(sessions.userId, actor.userId), ne(sessions.id, sessionIdOf(currentToken)))
      : eq(sessions.userId, actor.userId);
    const ended = await w.tx.delete(sessions).where(others).returning({ id: sessions.id });
    w.afterCommit(() => forgetAllSessions(ctx.db));
    audit(w, actor, 'user.password_change', actor.userId, { sessionsEnded: ended.length });
    return { ok: true as const };
  });
}
