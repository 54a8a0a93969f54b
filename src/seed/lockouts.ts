// Demo 账号锁定: at each demo level one staff account is tried with a wrong password until the
// back-off of src/auth/throttle.ts locks it, from an address of the documentation range (RFC 5737,
// not the one the demo is used from: the account still signs in as usual) — through the sign-in
// itself, so the administrators of its place and the level above get the message as they would live
// (src/inbox/subscribers.ts). Does nothing when a lockout is recorded already.
import { eq } from 'drizzle-orm';
import { loginWithPassword } from '../auth/commands.ts';
import { LOGIN_FREE_FAILURES } from '../auth/throttle.ts';
import type { AppContext } from '../context.ts';
import { auditLog } from '../db/schema.ts';

const TRIED = [
  { username: 'gl_registrar', ip: '203.0.113.24' },
  { username: 'nj_handler', ip: '203.0.113.57' },
  { username: 'js_supervisor', ip: '198.51.100.9' },
] as const;

/** Returns how many accounts it locked. */
export async function seedLockouts(ctx: AppContext): Promise<number> {
  const [any] = await ctx.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.login_locked'))
    .limit(1);
  if (any) return 0;
  let locked = 0;
  for (const t of TRIED) {
    for (let i = 0; i < LOGIN_FREE_FAILURES; i++) {
      try {
        await loginWithPassword(ctx, { username: t.username, password: `错误的密码${i}` }, t.ip);
      } catch {
        // 401 each time: expected.
      }
    }
    locked++;
  }
  return locked;
}
