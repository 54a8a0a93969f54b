// 接口密钥: an admin creates a key for an organisation (one transaction: the service user, the key,
// the audit row) and sees its secret once; revoking it stops it at once on this node and within
// seconds on the others (src/apikeys/auth.ts caches keys for 3 s).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { apiKeys, jurisdictions, units, users } from '../db/schema.ts';
import {
  API_SCOPES,
  DEFAULT_KEY_RATE,
  defaultKeyRole,
  formatApiKey,
  KEY_ROLES,
  MAX_KEY_RATE,
} from '../domain/apikeys/scopes.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { type ClientRef, machineClientPolicy } from '../policies/apikeys.ts';
import { type Actor, ensureAllowed } from '../policies/index.ts';
import { zCode, zIdParam, zText } from '../server/fields.ts';
import { forgetApiKeys, secretHash } from './auth.ts';

export const CreateKeyBody = z.object({
  name: zText({ label: '名称', min: 2, max: 60 }),
  unitId: zIdParam('单位'),
  jurisdictionCode: zCode('请选择数据范围（行政区划）').optional().meta({
    description: '数据范围：该区划及其下级，默认为单位所在区划',
  }),
  role: z.enum(KEY_ROLES, { error: '请选择身份角色' }).optional(),
  scopes: z
    .array(z.enum(API_SCOPES, { error: '未知的权限范围' }))
    .min(1, '请至少选择一项权限范围')
    .max(API_SCOPES.length),
  rateLimit: z.number().int().min(1).max(MAX_KEY_RATE).optional().meta({ description: '每分钟请求数上限' }),
});
export type CreateKeyInput = z.infer<typeof CreateKeyBody>;

/** The unit and jurisdiction a key or subscription is for, checked against the admin's subtree. */
export async function clientRef(
  tx: Executor,
  actor: Actor,
  unitId: number,
  jurisdictionCode: string | undefined,
  action: 'create' | 'revoke' | 'replay' = 'create',
) {
  const [unit] = await tx
    .select({
      id: units.id,
      kind: units.kind,
      name: units.name,
      jurisdictionCode: units.jurisdictionCode,
      scopePrefix: jurisdictions.scopePrefix,
    })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, unitId));
  if (!unit) throw badRequest('unknown_unit', '单位不存在', 'unitId');
  const code = jurisdictionCode ?? unit.jurisdictionCode;
  const [place] = await tx.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!place) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'jurisdictionCode');
  const ref: ClientRef = {
    unitJurisdictionCode: unit.jurisdictionCode,
    unitScopePrefix: unit.scopePrefix,
    jurisdictionCode: code,
  };
  if (!code.startsWith(unit.scopePrefix))
    throw badRequest('jurisdiction_outside_unit', '数据范围须为该单位所在区划或其下级', 'jurisdictionCode');
  const allowed = machineClientPolicy.act(actor, ref, action);
  if (action !== 'create' && !allowed) throw notFound(); // outside the subtree: as if absent
  ensureAllowed(allowed, '只能为本辖区的单位管理接口');
  return { unit, place };
}

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
function newPrefix(): string {
  return [...randomBytes(10)].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');
}

export interface CreatedKey {
  id: number;
  prefix: string;
  /** The whole key: shown once, never stored. */
  key: string;
}

export async function createApiKey(
  ctx: AppContext,
  actor: Actor,
  input: CreateKeyInput,
): Promise<CreatedKey> {
  return runCommand(ctx, async (w) => {
    const { unit, place } = await clientRef(w.tx, actor, input.unitId, input.jurisdictionCode);
    const role = input.role ?? defaultKeyRole(unit.kind === 'department' ? 'department' : 'bureau');
    const scopes = [...new Set(input.scopes)];
    const prefix = newPrefix();
    const secret = randomBytes(32).toString('base64url');
    // The service account (服务账号) the key acts as: no password, never signs in.
    const [svc] = await w.tx
      .insert(users)
      .values({
        username: `api-${prefix}`,
        passwordHash: null,
        role,
        unitId: unit.id,
        displayName: `接口：${input.name}`,
        disabled: true,
      })
      .returning({ id: users.id });
    if (!svc) throw new Error('service user not created');
    const [row] = await w.tx
      .insert(apiKeys)
      .values({
        name: input.name,
        unitId: unit.id,
        serviceUserId: svc.id,
        role,
        jurisdictionCode: place.code,
        scopes,
        prefix,
        secretHash: secretHash(secret),
        rateLimit: input.rateLimit ?? DEFAULT_KEY_RATE,
        createdBy: actor.userId,
      })
      .returning({ id: apiKeys.id });
    if (!row) throw new Error('api key not created');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'apikey.create',
      entity: 'api_key',
      entityId: row.id,
      summary: { name: input.name, unitId: unit.id, jurisdictionCode: place.code, role, scopes, prefix },
    });
    return { id: row.id, prefix, key: formatApiKey(prefix, secret) };
  });
}

export async function revokeApiKey(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const [key] = await w.tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
    if (!key || !machineClientPolicy.use(actor)) throw notFound('未找到该接口密钥');
    await clientRef(w.tx, actor, key.unitId, key.jurisdictionCode, 'revoke');
    if (key.revokedAt) throw conflict('already_revoked', '该接口密钥已吊销');
    await w.tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), revokedBy: actor.userId })
      .where(eq(apiKeys.id, id));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'apikey.revoke',
      entity: 'api_key',
      entityId: id,
      summary: { name: key.name, prefix: key.prefix },
    });
    w.afterCommit(() => forgetApiKeys(ctx.db));
  });
}
