// Demo 登记分类: the morning's online petitions to 鼓楼区, registered through intake as the portal does
// (so each is classified at intake): most left with their suggestion 待确认 on the registrar's desk,
// one confirmed and one changed by gl_registrar (recorded like any decision). The first is the demo
// citizen's; the others come from residents with portal accounts of their own (one person does not
// write about five unrelated things on one morning). Does nothing when its first petition exists
// already or the demo accounts are missing.
import { and, eq } from 'drizzle-orm';
import { registerCase } from '../cases/intake.ts';
import type { AppContext } from '../context.ts';
import { caseClassifications, cases, users } from '../db/schema.ts';
import { setCategory } from '../intake/commands.ts';
import { type Actor, citizenActor } from '../policies/index.ts';
import { DEMO_CITIZEN } from './demo.ts';
import { demoActor } from './linkage.ts';

/** Who wrote: the demo citizen (no `name`), or a resident with the given name and phone. */
const PETITIONS: {
  subject: string;
  content: string;
  decide?: 'confirm' | string;
  from?: { name: string; phone: string };
}[] = [
  {
    subject: '小区商品房墙体开裂开发商拒不维修',
    content:
      '我们小区商品房交付不到两年，多户墙体开裂、屋顶漏水，开发商拒不维修，物业推诿，请住建部门督促整改。',
  },
  {
    subject: '公司拖欠三个月工资',
    content: '本人在某装饰公司工作，公司已拖欠三个月工资共计两万余元，多次讨要无果，请劳动监察部门帮助追讨。',
    from: { name: '王立新', phone: '13900000102' },
  },
  {
    subject: '夜间工地施工噪音扰民',
    content: '小区旁工地每天夜里十一点后仍在施工，噪音很大，影响居民休息，请环保部门查处。',
    from: { name: '陈美华', phone: '13900000103' },
  },
  {
    subject: '孩子入学划片不合理',
    content: '我家孩子今年上小学，按户籍应划入附近小学，却被划到三公里外的学校，请教育部门核实。',
    decide: 'confirm',
    from: { name: '刘志刚', phone: '13900000104' },
  },
  {
    subject: '小区门口占道摆摊影响通行',
    content: '小区门口每天傍晚有大量摊贩占道经营，垃圾遍地，车辆行人通行困难，请相关部门管理。',
    decide: '010000',
    from: { name: '李秀英', phone: '13900000105' },
  },
];

/**
 * The citizen account with this phone, as the portal's session would carry it; with `create`, a
 * resident's account is made first (signed up by phone, real name given; no password, so it does not
 * open the portal — only the demo citizen does).
 */
async function accountOf(
  ctx: AppContext,
  who: { name: string; phone: string },
  create = false,
): Promise<Actor | null> {
  const phoneHash = ctx.pii.hash(who.phone);
  let [c] = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.role, 'citizen'), eq(users.phoneHash, phoneHash)));
  if (!c && create) {
    [c] = await ctx.db
      .insert(users)
      .values({
        role: 'citizen',
        displayName: who.name,
        phoneEnc: ctx.pii.encrypt(who.phone),
        phoneHash,
        realNameEnc: ctx.pii.encrypt(who.name),
      })
      .returning({ id: users.id, name: users.displayName });
  }
  return c ? citizenActor(c.id, c.name) : null;
}

/** Seeds the demo online petitions; returns how many it registered. */
export async function seedIntake(ctx: AppContext): Promise<number> {
  // Seeded already: its first petition exists. (Not "any suggestion": every matter the steps before
  // this one register is classified at intake too.)
  const [any] = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.subject, PETITIONS[0]?.subject ?? ''), eq(cases.form, 'online')))
    .limit(1);
  if (any) return 0;
  const registrar = await demoActor(ctx, 'gl_registrar');
  const demoCitizen = await accountOf(ctx, DEMO_CITIZEN);
  if (!registrar || !demoCitizen) return 0;
  let registered = 0;
  for (const p of PETITIONS) {
    const petitioner = p.from ? await accountOf(ctx, p.from, true) : demoCitizen;
    if (!petitioner) continue;
    registered++;
    const r = await registerCase(ctx, petitioner, {
      form: 'online',
      purpose: 'claim',
      subject: p.subject,
      content: p.content,
      jurisdictionCode: '320106',
    });
    if (!p.decide) continue;
    const [s] = await ctx.db
      .select({ code: caseClassifications.suggestedCode })
      .from(caseClassifications)
      .where(eq(caseClassifications.caseId, r.caseId));
    const code = p.decide === 'confirm' ? s?.code : p.decide;
    if (code) await setCategory(ctx, registrar, r.caseId, { categoryCode: code });
  }
  return registered;
}
