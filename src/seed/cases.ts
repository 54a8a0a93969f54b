// Synthetic petitions for demos, tests and benchmarks: `xinfang seed --cases N --seed S`.
// The foundation fills what exists so far (place, unit, form, subject, content); the lifecycle
// issue extends this with full timelines.
import { eq, like, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, jurisdictions, units, users } from '../db/schema.ts';
import { createRng } from './random.ts';

const FORMS = ['online', 'online', 'online', 'letter', 'visit', 'phone'] as const;

const TOPICS: readonly { subject: string; content: string; dept: string }[] = [
  {
    subject: '小区物业费上涨问题',
    content: '我们小区物业公司未经业主大会同意擅自上调物业费，请有关部门核查。',
    dept: 'zhujian',
  },
  {
    subject: '拖欠农民工工资',
    content: '本人在某建筑工地务工，工程已完工半年，包工头仍拖欠工资，请求帮助追讨。',
    dept: 'renshe',
  },
  {
    subject: '宅基地确权纠纷',
    content: '村里重新丈量宅基地时把我家面积少算了，多次反映未解决，请求依法确权。',
    dept: 'ziran',
  },
  {
    subject: '夜间施工噪音扰民',
    content: '附近工地每天夜里施工到凌晨，噪音严重影响休息，希望依法查处。',
    dept: 'shengtai',
  },
  {
    subject: '孩子入学划片问题',
    content: '我家房产在学区范围内，但孩子被分到较远的学校，请求说明划片依据。',
    dept: 'jiaoyu',
  },
  {
    subject: '医保报销比例咨询',
    content: '异地就医后回来报销，比例和政策宣传不一致，请求核实。',
    dept: 'weijian',
  },
  {
    subject: '低保资格认定',
    content: '家中老人长期患病，申请低保被拒，认为审核不公，请求复核。',
    dept: 'minzheng',
  },
  {
    subject: '公交线路调整不便',
    content: '公交线路调整后小区附近没有站点，老人出行困难，建议恢复原站点。',
    dept: 'jiaotong',
  },
  {
    subject: '土地流转租金未兑现',
    content: '村集体流转的承包地租金已拖欠两年，请求督促兑现。',
    dept: 'nongye',
  },
  {
    subject: '预付卡商家跑路',
    content: '健身房办卡后突然关门，老板联系不上，请求市场监管部门处理。',
    dept: 'shichang',
  },
  {
    subject: '占道经营影响通行',
    content: '路口长期有摊贩占道经营，影响交通和环境卫生，请求整治。',
    dept: 'chengguan',
  },
  {
    subject: '邻里纠纷报警未处理',
    content: '邻居多次辱骂威胁，报警后未见处理结果，请求依法处理。',
    dept: 'gongan',
  },
];

export interface SeedCasesOptions {
  count: number;
  seed: number;
  now?: Date;
  onProgress?: (n: number) => void;
}

/** Inserts `count` cases spread over Jiangsu's county-level jurisdictions and the last 24 months. */
export async function seedCases(db: Db, opts: SeedCasesOptions): Promise<number> {
  const rng = createRng(opts.seed);
  const now = opts.now ?? new Date();
  const counties = await db
    .select({ code: jurisdictions.code })
    .from(jurisdictions)
    .where(eq(jurisdictions.level, 3));
  const unitRows = await db
    .select({ id: units.id, code: units.jurisdictionCode, dept: units.deptKey })
    .from(units)
    .where(like(units.jurisdictionCode, '32____'));
  const unitOf = new Map(unitRows.map((u) => [`${u.code}/${u.dept}`, u.id]));
  const [citizen] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'citizen')).limit(1);
  // Continue each jurisdiction-year sequence after what is already stored.
  const nextSeq = new Map<string, number>();
  for (const r of await db
    .select({ prefix: sql<string>`substr(${cases.caseNumber}, 1, 10)`, n: sql<number>`count(*)::int` })
    .from(cases)
    .groupBy(sql`1`)) {
    nextSeq.set(r.prefix, r.n + 1);
  }

  const BATCH = 1000;
  let inserted = 0;
  while (inserted < opts.count) {
    const rows: (typeof cases.$inferInsert)[] = [];
    for (let i = 0; i < Math.min(BATCH, opts.count - inserted); i++) {
      const county = rng.pick(counties).code;
      const topic = rng.pick(TOPICS);
      const createdAt = new Date(now.getTime() - rng.int(0, 730 * 86_400) * 1000);
      const prefix = `${county}${createdAt.getFullYear()}`;
      const seq = nextSeq.get(prefix) ?? 1;
      nextSeq.set(prefix, seq + 1);
      const bureau = unitOf.get(`${county}/xinfang`);
      if (bureau === undefined) throw new Error(`no bureau for ${county}`);
      rows.push({
        caseNumber: `${prefix}${String(seq).padStart(7, '0')}`,
        jurisdictionCode: county,
        registeringUnitId: bureau,
        assignedUnitId: rng.chance(0.6) ? (unitOf.get(`${county}/${topic.dept}`) ?? null) : null,
        petitionerUserId: citizen && rng.chance(0.01) ? citizen.id : null,
        form: rng.pick(FORMS),
        subject: topic.subject,
        content: topic.content,
        state: 'registered',
        receivedAt: createdAt,
        createdAt,
      });
    }
    await db.insert(cases).values(rows);
    inserted += rows.length;
    opts.onProgress?.(rows.length);
  }
  return inserted;
}
