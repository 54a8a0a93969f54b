// The link between a citizen's account and their openid (wechat_links), and signing in with it.
// Each mutation is one transaction with its audit row; the audit names the account, never the
// openid. The openid is looked up by a keyed hash with its own prefix (not comparable with the
// phone hashes) and kept encrypted for addressing template messages.
import { and, eq, ne } from 'drizzle-orm';
import { type LoginResult, startSession } from '../auth/commands.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { users, wechatLinks } from '../db/schema.ts';
import { AppError, conflict, unauthorized } from '../errors.ts';
import type { Actor } from '../policies/actor.ts';
import { ensureAllowed } from '../policies/index.ts';
import { wechatPolicy } from '../policies/wechat.ts';
import type { Pii } from '../security/pii.ts';

export const openidHash = (pii: Pii, openid: string): string => pii.hash(`wechat-openid:${openid}`);

export const notLinked = () =>
  new AppError(
    404,
    'wechat_not_linked',
    '该微信尚未绑定信访账号：请先用手机号和短信验证码登录，登录后在“实名信息”页点“绑定微信”，以后即可微信登录',
  );

/** 微信登录: a session for the account linked to this openid. */
export async function signInWithOpenid(ctx: AppContext, openid: string): Promise<LoginResult> {
  return runCommand(ctx, async (w) => {
    const [user] = await w.tx
      .select({ id: users.id, role: users.role, disabled: users.disabled })
      .from(wechatLinks)
      .innerJoin(users, eq(users.id, wechatLinks.userId))
      .where(eq(wechatLinks.openidHash, openidHash(ctx.pii, openid)));
    if (!user) throw notLinked();
    if (user.disabled) throw unauthorized('该账号已停用');
    return startSession(w, user, 'wechat');
  });
}

/**
 * 绑定微信: links the openid to the signed-in citizen's account (replacing a WeChat linked
 * before). An openid linked to another account is refused: that account must unlink it first.
 */
export async function linkOpenid(
  ctx: AppContext,
  actor: Actor,
  openid: string,
  following: boolean,
): Promise<void> {
  ensureAllowed(wechatPolicy.link(actor), '只有信访人本人登录后才能绑定微信');
  const hash = openidHash(ctx.pii, openid);
  await runCommand(ctx, async (w) => {
    const { tx } = w;
    const [other] = await tx
      .select({ userId: wechatLinks.userId })
      .from(wechatLinks)
      .where(and(eq(wechatLinks.openidHash, hash), ne(wechatLinks.userId, actor.userId)));
    if (other)
      throw conflict('wechat_linked_elsewhere', '该微信已绑定另一个信访账号，请先在那个账号中解除绑定');
    const values = { openidHash: hash, openidEnc: ctx.pii.encrypt(openid), following, linkedAt: new Date() };
    await tx
      .insert(wechatLinks)
      .values({ userId: actor.userId, ...values })
      .onConflictDoUpdate({ target: wechatLinks.userId, set: { ...values, unfollowedAt: null } });
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'wechat.link',
      entity: 'user',
      entityId: actor.userId,
      summary: { following },
    });
  });
}

/** 解除绑定: notices go by SMS again and 微信登录 stops working for this account. */
export async function unlinkOpenid(ctx: AppContext, actor: Actor): Promise<boolean> {
  ensureAllowed(wechatPolicy.link(actor), '只有信访人本人可以解除微信绑定');
  return runCommand(ctx, async (w) => {
    const gone = await w.tx
      .delete(wechatLinks)
      .where(eq(wechatLinks.userId, actor.userId))
      .returning({ userId: wechatLinks.userId });
    if (gone.length === 0) return false;
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'wechat.unlink',
      entity: 'user',
      entityId: actor.userId,
      summary: {},
    });
    return true;
  });
}

/** The citizen's link as the portal shows it (no openid). */
export async function linkStatus(
  ctx: AppContext,
  userId: number,
): Promise<{ linked: boolean; following: boolean; linkedAt: string | null }> {
  const [row] = await ctx.db
    .select({ following: wechatLinks.following, linkedAt: wechatLinks.linkedAt })
    .from(wechatLinks)
    .where(eq(wechatLinks.userId, userId));
  return { linked: !!row, following: row?.following ?? false, linkedAt: row?.linkedAt.toISOString() ?? null };
}
