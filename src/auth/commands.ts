// Log in and out. Each is one transaction. A failed attempt writes only what stops guessing: the
// back-off counter of (account, address) (./throttle.ts) or the SMS code's attempt counter.
import { randomInt } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import { runCommand, type Work } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import { otpCodes, units, users } from '../db/schema.ts';
import { maskPhone } from '../domain/masking.ts';
import { AppError, badRequest, unauthorized } from '../errors.ts';
import { enqueueSms } from '../notify/outbox.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { createSession, deleteSession, forgetSession } from './sessions.ts';
import { clearFailures, LOGIN_FREE_FAILURES, takeLoginAttempt, throttleKey } from './throttle.ts';

export const OTP_TTL_MINUTES = 5;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_SECONDS = 60;
export const OTP_DAILY_LIMIT = 10;

export interface LoginResult {
  userId: number;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

const badCredentials = () => new AppError(401, 'invalid_credentials', '用户名或密码错误');

/** A session for `user` with its `auth.login` audit row, inside the caller's command (every way in). */
export async function startSession(
  w: Work,
  user: { id: number; role: string },
  method: string,
): Promise<LoginResult> {
  const s = await createSession(w.tx, user.id, w.ctx.config.sessionHours);
  w.audit({
    actorUserId: user.id,
    actorRole: user.role,
    action: 'auth.login',
    entity: 'user',
    entityId: user.id,
    summary: { method },
  });
  return { userId: user.id, ...s };
}

async function openSession(
  ctx: AppContext,
  user: { id: number; role: string },
  method: string,
  throttle: string,
): Promise<LoginResult> {
  return runCommand(ctx, async (w) => {
    await clearFailures(w.tx, throttle);
    return startSession(w, user, method);
  });
}

/**
 * A staff account just reached the back-off from one address: recorded, and its administrators told
 * (src/inbox/subscribers.ts). Once per lock: the failures after it are refused before they count.
 */
async function reportLockout(
  ctx: AppContext,
  user: { id: number; username: string; displayName: string; unitId: number },
  failures: number,
  ip: string,
): Promise<void> {
  await runCommand(ctx, async (w) => {
    const [u] = await w.tx
      .select({ code: units.jurisdictionCode })
      .from(units)
      .where(eq(units.id, user.unitId));
    if (!u) return;
    w.audit({ action: 'auth.login_locked', entity: 'user', entityId: user.id, summary: { failures, ip } });
    await w.publish('auth.login_locked', {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      unitId: user.unitId,
      jurisdictionCode: u.code,
      failures,
      ip,
      at: new Date(),
    });
  });
}

/**
 * Staff: username + password. Citizens with a password (the demo citizen) may use their phone.
 * `ip`: the client address (trusted hops only), for the back-off of ./throttle.ts.
 */
export async function loginWithPassword(
  ctx: AppContext,
  input: { username?: string; phone?: string; password: string },
  ip: string,
): Promise<LoginResult> {
  const where = input.username
    ? eq(users.username, input.username)
    : input.phone
      ? and(eq(users.phoneHash, ctx.pii.hash(input.phone)), eq(users.role, 'citizen'))
      : undefined;
  if (!where) throw badRequest('missing_username', '请填写用户名或手机号', 'username');
  const key = throttleKey(ctx.pii.hash, input.username ?? `phone:${input.phone}`, ip);
  const failures = await takeLoginAttempt(ctx.db, key); // 429 while this account and address must wait
  const [user] = await ctx.db.select().from(users).where(where);
  if (!user || user.disabled) {
    await verifyPassword(await dummyHash(), input.password); // same cost as a real check
    throw badCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    if (failures === LOGIN_FREE_FAILURES && user.role !== 'citizen' && user.unitId !== null)
      await reportLockout(ctx, { ...user, username: user.username ?? '', unitId: user.unitId }, failures, ip);
    throw badCredentials();
  }
  return openSession(ctx, user, 'password', key);
}

/** Sends a 6-digit login code by SMS, through the outbox. */
export async function requestSmsCode(ctx: AppContext, phone: string): Promise<{ expiresInSeconds: number }> {
  if (ctx.config.sms.gateway === 'off')
    throw new AppError(503, 'sms_disabled', '本平台未开通短信服务，请使用其他方式登录或联系信访部门');
  const phoneHash = ctx.pii.hash(phone);
  const now = new Date();
  await runCommand(ctx, async (w) => {
    const { tx } = w;
    const recent = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(
        and(eq(otpCodes.phoneHash, phoneHash), gt(otpCodes.createdAt, new Date(now.getTime() - 86_400_000))),
      )
      .orderBy(desc(otpCodes.createdAt));
    if (recent[0] && now.getTime() - recent[0].createdAt.getTime() < OTP_RESEND_SECONDS * 1000) {
      throw new AppError(429, 'sms_code_too_frequent', `验证码已发送，请${OTP_RESEND_SECONDS}秒后再试`);
    }
    if (recent.length >= OTP_DAILY_LIMIT) {
      throw new AppError(429, 'sms_code_daily_limit', '今日获取验证码次数已达上限，请明天再试');
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const [row] = await tx
      .insert(otpCodes)
      .values({
        phoneHash,
        codeHash: ctx.pii.hash(`${phoneHash}:${code}`),
        expiresAt: new Date(now.getTime() + OTP_TTL_MINUTES * 60_000),
      })
      .returning({ id: otpCodes.id });
    await enqueueSms(tx, ctx.pii, {
      phone,
      template: 'login_code',
      body: `【阳光信访】您的登录验证码为${code}，${OTP_TTL_MINUTES}分钟内有效。如非本人操作，请忽略。`,
      idempotencyKey: `otp:${row?.id}`,
    });
    w.afterCommit(() => ctx.dispatcher.kick());
  });
  return { expiresInSeconds: OTP_TTL_MINUTES * 60 };
}

/** Citizen: phone + SMS code. The first login creates the citizen's account. */
export async function loginWithSmsCode(ctx: AppContext, phone: string, code: string): Promise<LoginResult> {
  const phoneHash = ctx.pii.hash(phone);
  const latest = ctx.db
    .select({ id: otpCodes.id })
    .from(otpCodes)
    .where(
      and(eq(otpCodes.phoneHash, phoneHash), isNull(otpCodes.consumedAt), gt(otpCodes.expiresAt, new Date())),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  // Taking an attempt is one statement, before the code is compared: concurrent guesses queue on
  // the row and each sees the others' counts, so no more than OTP_MAX_ATTEMPTS are ever compared.
  const [otp] = await ctx.db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(and(inArray(otpCodes.id, latest), lt(otpCodes.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ id: otpCodes.id, codeHash: otpCodes.codeHash });
  const invalid = () => new AppError(401, 'invalid_sms_code', '验证码错误或已过期，请重新获取');
  if (!otp || otp.codeHash !== ctx.pii.hash(`${phoneHash}:${code}`)) throw invalid();
  // A disabled account's refusal rolls back the code's consumption (and a first registration).
  return runCommand(ctx, async (w) => {
    const { tx } = w;
    const consumed = await tx
      .update(otpCodes)
      .set({ consumedAt: new Date() })
      .where(and(eq(otpCodes.id, otp.id), isNull(otpCodes.consumedAt)))
      .returning({ id: otpCodes.id });
    if (consumed.length === 0) throw invalid(); // used by a concurrent request
    let [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.phoneHash, phoneHash), eq(users.role, 'citizen')));
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({
          role: 'citizen',
          displayName: maskPhone(phone),
          phoneEnc: ctx.pii.encrypt(phone),
          phoneHash,
        })
        .returning();
      if (!user) throw new Error('citizen insert returned nothing');
      w.audit({
        actorUserId: user.id,
        actorRole: 'citizen',
        action: 'user.register',
        entity: 'user',
        entityId: user.id,
        summary: { role: 'citizen', via: 'sms' },
      });
    }
    if (user.disabled) throw unauthorized('该账号已停用');
    return startSession(w, user, 'sms');
  });
}

export async function logout(
  ctx: AppContext,
  token: string,
  actor: { userId: number; role: string },
): Promise<void> {
  await runCommand(ctx, async (w) => {
    await deleteSession(w.tx, token);
    w.audit({
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'auth.logout',
      entity: 'user',
      entityId: actor.userId,
      summary: {},
    });
  });
  forgetSession(ctx.db, token); // after commit: the token stops working in this process at once
}
