// 大屏展示令牌: an admin creates a token for a jurisdiction of their subtree (one transaction: the
// row and its audit row) and sees it once; revoking it stops the screen at once on this node and
// within seconds on the others (src/kiosk/auth.ts caches tokens for 3 s).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { jurisdictions, kioskTokens } from '../db/schema.ts';
import { formatKioskToken, kioskPath } from '../domain/kiosk/index.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed } from '../policies/index.ts';
import { kioskPolicy } from '../policies/kiosk.ts';
import { zCode, zText } from '../server/fields.ts';
import { forgetKioskTokens, kioskSecretHash } from './auth.ts';

export const CreateKioskBody = z.object({
  name: zText({ label: '大屏位置名称', min: 2, max: 60 }),
  jurisdictionCode: zCode('请选择大屏显示的行政区划').optional().meta({
    description: '大屏显示的区划（本辖区或下级），默认为管理员所在区划',
  }),
});
export type CreateKioskInput = z.infer<typeof CreateKioskBody>;

const PREFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const newPrefix = () => [...randomBytes(10)].map((b) => PREFIX_ALPHABET[b % PREFIX_ALPHABET.length]).join('');

export interface CreatedKioskToken {
  id: number;
  prefix: string;
  /** The whole token: shown once, never stored. */
  token: string;
  /** The address to open on the screen. */
  path: string;
}

export async function createKioskToken(
  ctx: AppContext,
  actor: Actor,
  input: CreateKioskInput,
): Promise<CreatedKioskToken> {
  ensureAllowed(kioskPolicy.manage(actor), '只有管理员可以管理大屏展示令牌');
  const code = input.jurisdictionCode ?? actor.jurisdictionCode ?? '';
  return runCommand(ctx, async (w) => {
    const [place] = await w.tx.select().from(jurisdictions).where(eq(jurisdictions.code, code));
    if (!place) throw badRequest('unknown_jurisdiction', '行政区划不存在', 'jurisdictionCode');
    ensureAllowed(kioskPolicy.act(actor, place.code), '只能为本辖区及下级区划设置大屏');
    const prefix = newPrefix();
    const secret = randomBytes(32).toString('base64url');
    const [row] = await w.tx
      .insert(kioskTokens)
      .values({
        name: input.name,
        jurisdictionCode: place.code,
        prefix,
        secretHash: kioskSecretHash(secret),
        createdBy: actor.userId,
      })
      .returning({ id: kioskTokens.id });
    if (!row) throw new Error('kiosk token not created');
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'kiosk.create',
      entity: 'kiosk_token',
      entityId: row.id,
      summary: { name: input.name, jurisdictionCode: place.code, prefix },
    });
    const token = formatKioskToken(prefix, secret);
    return { id: row.id, prefix, token, path: kioskPath(token) };
  });
}

export async function revokeKioskToken(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  await runCommand(ctx, async (w) => {
    const [t] = await w.tx.select().from(kioskTokens).where(eq(kioskTokens.id, id)).for('update');
    // Outside the admin's subtree: as if absent.
    if (!t || !kioskPolicy.act(actor, t.jurisdictionCode)) throw notFound('未找到该大屏展示令牌');
    if (t.revokedAt) throw conflict('already_revoked', '该大屏展示令牌已吊销');
    await w.tx
      .update(kioskTokens)
      .set({ revokedAt: new Date(), revokedBy: actor.userId })
      .where(eq(kioskTokens.id, id));
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'kiosk.revoke',
      entity: 'kiosk_token',
      entityId: id,
      summary: { name: t.name, prefix: t.prefix },
    });
    w.afterCommit(() => forgetKioskTokens(ctx.db));
  });
}
