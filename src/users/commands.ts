// Staff accounts, managed by administrators within their jurisdiction; a citizen's own real-name
// profile.
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { units, users } from '../db/schema.ts';
import { passwordProblem } from '../domain/passwords.ts';
import type { Role } from '../domain/roles.ts';
import { badRequest, conflict } from '../errors.ts';
import { type Actor, ensureAllowed, userPolicy } from '../policies/index.ts';

export interface CreateStaffInput {
  username: string;
  password: string;
  role: Exclude<Role, 'citizen'>;
  unitId: number;
  displayName: string;
  phone?: string;
}

export async function createStaffUser(
  ctx: AppContext,
  actor: Actor,
  input: CreateStaffInput,
): Promise<{ id: number }> {
  // Only administrators get as far as the (deliberately slow) hash: no one else can make the
  // server spend it. The unit's scope is checked in the transaction.
  ensureAllowed(userPolicy.list(actor), '只有管理员可以创建工作人员账号');
  const weak = passwordProblem(input.password, { username: input.username, phone: input.phone });
  if (weak) throw badRequest(weak.code, weak.message, 'password');
  const passwordHash = await hashPassword(input.password); // slow: before the transaction
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const [unit] = await tx.select().from(units).where(eq(units.id, input.unitId));
    if (!unit) throw badRequest('unknown_unit', '所选单位不存在', 'unitId');
    if (unit.retiredAt) throw badRequest('unit_retired', '该单位已撤销，不能再加入工作人员', 'unitId');
    ensureAllowed(
      userPolicy.create(actor, { role: input.role, unitJurisdictionCode: unit.jurisdictionCode }),
      '只能在本辖区的单位中创建工作人员账号',
    );
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (taken) throw conflict('username_taken', '该用户名已被使用');
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        role: input.role,
        unitId: unit.id,
        displayName: input.displayName,
        phoneEnc: input.phone ? ctx.pii.encrypt(input.phone) : null,
        phoneHash: input.phone ? ctx.pii.hash(input.phone) : null,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned nothing');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'user.create',
      entity: 'user',
      entityId: user.id,
      summary: { after: { username: input.username, role: input.role, unitId: unit.id } },
    });
    return user;
  });
}

/** A citizen fills in their real-name details (encrypted; the id number also hashed for look-ups). */
export async function saveProfile(
  ctx: AppContext,
  actor: Actor,
  input: { name: string; idNumber: string },
): Promise<void> {
  ensureAllowed(userPolicy.fillProfile(actor), '仅信访人可填写实名信息');
  await runCommand(ctx, async (w) => {
    await w.tx
      .update(users)
      .set({
        realNameEnc: ctx.pii.encrypt(input.name),
        idNumberEnc: ctx.pii.encrypt(input.idNumber),
        idNumberHash: ctx.pii.hash(input.idNumber),
      })
      .where(eq(users.id, actor.userId));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'user.profile.update',
      entity: 'user',
      entityId: actor.userId,
      summary: { changed: ['realName', 'idNumber'] },
    });
  });
}
