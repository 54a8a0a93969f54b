// Demo accounts (演示账号): one per staff role at province, 南京市 and 鼓楼区 level, plus a citizen.
// Seeded once into a new data dir in demo mode; all share one documented password.
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/chain.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Executor } from '../db/client.ts';
import { meta, units, users } from '../db/schema.ts';
import { maskPhone } from '../domain/masking.ts';
import { ROLE_NAMES, type Role } from '../domain/roles.ts';
import type { Pii } from '../security/pii.ts';

export const DEMO_LEVELS = [
  { prefix: 'js', code: '320000' },
  { prefix: 'nj', code: '320100' },
  { prefix: 'gl', code: '320106' },
] as const;

/** The department of the demo handlers (住建). */
export const DEMO_HANDLER_DEPT = 'zhujian';

/** Handlers belong to a department (住建); everyone else to the petition bureau. */
const DEMO_STAFF: readonly { role: Exclude<Role, 'citizen'>; dept: string }[] = [
  { role: 'registrar', dept: 'xinfang' },
  { role: 'handler', dept: DEMO_HANDLER_DEPT },
  { role: 'reviewer', dept: 'xinfang' },
  { role: 'supervisor', dept: 'xinfang' },
  { role: 'leader', dept: 'xinfang' },
  { role: 'analyst', dept: 'xinfang' },
  { role: 'admin', dept: 'xinfang' },
  { role: 'auditor', dept: 'xinfang' },
];

export const DEMO_CITIZEN = { phone: '13900000001', name: '张三' };

export interface DemoAccount {
  username: string;
  role: Role;
  jurisdictionCode: string | null;
  dept: string | null;
}

export function demoAccounts(): DemoAccount[] {
  const staff = DEMO_LEVELS.flatMap((level) =>
    DEMO_STAFF.map(({ role, dept }) => ({
      // The province administrator is simply `admin`.
      username: role === 'admin' && level.prefix === 'js' ? 'admin' : `${level.prefix}_${role}`,
      role,
      jurisdictionCode: level.code,
      dept,
    })),
  );
  const citizen: DemoAccount = {
    username: DEMO_CITIZEN.phone,
    role: 'citizen',
    jurisdictionCode: null,
    dept: null,
  };
  return [...staff, citizen];
}

/** Seeds the demo accounts once; returns false when they were already there. */
export async function seedDemo(tx: Executor, pii: Pii, password: string): Promise<boolean> {
  const [done] = await tx.select().from(meta).where(eq(meta.key, 'demo_seeded'));
  if (done) return false;
  const passwordHash = await hashPassword(password);
  for (const acc of demoAccounts()) {
    if (acc.role === 'citizen') {
      await tx.insert(users).values({
        role: 'citizen',
        displayName: DEMO_CITIZEN.name,
        passwordHash,
        phoneEnc: pii.encrypt(DEMO_CITIZEN.phone),
        phoneHash: pii.hash(DEMO_CITIZEN.phone),
        realNameEnc: pii.encrypt(DEMO_CITIZEN.name),
      });
      continue;
    }
    const [unit] = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.jurisdictionCode, acc.jurisdictionCode ?? ''), eq(units.deptKey, acc.dept ?? '')));
    if (!unit) throw new Error(`demo unit missing: ${acc.jurisdictionCode}/${acc.dept}`);
    await tx.insert(users).values({
      username: acc.username,
      role: acc.role,
      unitId: unit.id,
      passwordHash,
      displayName: `${unit.name}${ROLE_NAMES[acc.role]}`,
    });
  }
  await tx.insert(meta).values({ key: 'demo_seeded', value: { at: new Date().toISOString() } });
  await recordAudit(tx, {
    action: 'demo.seed',
    entity: 'installation',
    summary: { accounts: demoAccounts().length, citizen: maskPhone(DEMO_CITIZEN.phone) },
  });
  return true;
}
