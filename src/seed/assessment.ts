// Demo data of 责任落实, so the pages have content on first start: this year's responsibility
// letters from the province to the 13 cities (11 signed, 宿迁市 drafted, 连云港市 still missing) and
// from 南京市 to its districts (鼓楼区 and most others signed); last month's scorecard ranks the
// cities from the seeded matters (computed, not stored) and the province publishes a 通报 on the
// city ranked last; 南京市信访局 records a 约谈 with 鼓楼区住建局 linked to the seeded 约谈 order,
// puts the unit under 重点管理 for the escalated 书面督办, and a 问责 follows. Deterministic; does
// nothing when letters exist already or the demo accounts are missing. Names of officials are
// invented.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { scorecardFor } from '../assessment/scorecard.ts';
import { runCommand } from '../commands/command.ts';
import type { AppContext } from '../context.ts';
import {
  accountabilityLinks,
  accountabilityRecords,
  jurisdictions,
  responsibilityLetters,
  supervisionOrders,
  units,
  users,
} from '../db/schema.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';

const DAY = 86_400_000;

const LETTER_BODY = (issuer: string, name: string) =>
  `为贯彻落实《信访工作条例》，压实信访工作责任，${issuer}与${name}签订本责任书。` +
  `${name}党委和政府主要负责同志为本地区信访工作第一责任人，对信访工作负总责；` +
  '分管负责同志具体负责，其他负责同志对分管领域信访工作负主要领导责任。' +
  '责任方应健全信访工作责任体系，落实首接首办、领导包案、积案化解等制度，依法及时就地解决群众合理诉求。' +
  '发放方按年度考核方案对目标任务完成情况进行考核，考核结果作为领导班子和领导干部综合考核评价的重要参考。';

const TARGETS = [
  { text: '及时受理率达到95%以上', indicator: 'timelyAcceptanceRate', target: 0.95 },
  { text: '按期办结率达到90%以上', indicator: 'onTimeCompletionRate', target: 0.9 },
  { text: '群众满意率达到90%以上', indicator: 'satisfactionRate', target: 0.9 },
  { text: '积案化解率达到80%以上', indicator: 'backlogResolutionRate', target: 0.8 },
  { text: '越级上访率控制在2%以内', indicator: 'skipLevelRate', target: 0.02 },
];

/** Invented leaders: 书记 and 市长/区长 per place, from a fixed list. */
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡'];
const GIVEN = [
  '建国',
  '志强',
  '海明',
  '立新',
  '卫东',
  '文华',
  '国平',
  '晓峰',
  '振华',
  '永康',
  '宏伟',
  '学军',
];
const person = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 7) % GIVEN.length]}`;

export async function seedAssessment(ctx: AppContext, opts: { now?: Date } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const dateAgo = (d: number) => shanghaiDate(new Date(now.getTime() - d * DAY));
  const [py, pm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const lastMonth = pm === 1 ? `${py - 1}-12` : `${py}-${String(pm - 1).padStart(2, '0')}`;
  // Last month's ranking is read before the transaction (the same figures the scorecard page shows).
  const card = await scorecardFor(ctx.db, {
    period: lastMonth,
    scopeCode: '320000',
    by: 'jurisdiction',
  }).catch(() => null);
  return runCommand(ctx, async (w) => {
    const tx = w.tx;
    const [any] = await tx.select({ id: responsibilityLetters.id }).from(responsibilityLetters).limit(1);
    if (any) return 0;
    const staff = await tx
      .select({ id: users.id, username: users.username, unitId: users.unitId })
      .from(users)
      .where(inArray(users.username, ['js_supervisor', 'nj_supervisor', 'nj_leader']));
    const by = (u: string) => staff.find((s) => s.username === u);
    const js = by('js_supervisor');
    const nj = by('nj_supervisor');
    const njLeader = by('nj_leader');
    if (!js || !nj || !njLeader || js.unitId === null || nj.unitId === null) return 0;

    // ---- 责任书 ----
    const places = await tx
      .select({ code: jurisdictions.code, name: jurisdictions.name, parentCode: jurisdictions.parentCode })
      .from(jurisdictions)
      .where(inArray(jurisdictions.parentCode, ['320000', '320100']))
      .orderBy(asc(jurisdictions.code));
    const names = new Map([
      ['320000', '江苏省'],
      ['320100', '南京市'],
    ]);
    let n = 0;
    const letters: (typeof responsibilityLetters.$inferInsert)[] = [];
    const districts = places.filter((p) => p.parentCode === '320100');
    places.forEach((p, i) => {
      const issuer = p.parentCode as string;
      const province = issuer === '320000';
      // 连云港市 and 南京市's last district have none yet; 宿迁市 and the district before are drafted.
      const k = districts.indexOf(p);
      if (p.name === '连云港市' || (!province && k === districts.length - 1)) return;
      const drafted = p.name === '宿迁市' || (!province && k === districts.length - 2);
      const issuerName = names.get(issuer) ?? '';
      letters.push({
        year,
        jurisdictionCode: p.code,
        issuerCode: issuer,
        title: `${year}年度${p.name}信访工作责任书`,
        body: LETTER_BODY(issuerName, p.name),
        targets: TARGETS,
        signatories: drafted
          ? []
          : [
              { side: 'issuer', name: person(province ? 0 : 1), post: `${issuerName}委书记` },
              { side: 'issuer', name: person(province ? 2 : 3), post: province ? '省长' : '市长' },
              { side: 'undertaker', name: person(i + 4), post: `${p.name}委书记` },
              { side: 'undertaker', name: person(i + 9), post: province ? '市长' : `${p.name.slice(-1)}长` },
            ],
        status: drafted ? 'drafted' : 'signed',
        signedOn: drafted ? null : `${year}-02-${String(10 + (i % 15)).padStart(2, '0')}`,
        createdBy: province ? js.id : nj.id,
        createdAt: new Date(`${year}-01-20T02:00:00Z`),
      });
    });
    if (letters.length) await tx.insert(responsibilityLetters).values(letters);
    n += letters.length;

    // ---- 通报 on the city ranked last in last month's scorecard ----
    const ranked = card?.rows.filter((r) => r.rank !== null) ?? [];
    const last = ranked.at(-1);
    const bureauOf = async (code: string) =>
      (
        await tx
          .select({ id: units.id, name: units.name })
          .from(units)
          .where(and(eq(units.jurisdictionCode, code), eq(units.kind, 'bureau')))
      )[0];
    const seqs = new Map<number, number>();
    const record = async (
      v: Omit<
        typeof accountabilityRecords.$inferInsert,
        'createdBy' | 'issuingUnitId' | 'jurisdictionCode'
      > & {
        unitId: number;
        jurisdictionCode: string;
      },
      issuing: { id: number; unitId: number },
      orderIds: number[],
      caseIds: number[],
    ) => {
      let numbers = {};
      if (v.kind === 'notice') {
        const seq = (seqs.get(issuing.unitId) ?? 0) + 1;
        seqs.set(issuing.unitId, seq);
        numbers = { numberYear: year, numberSeq: seq };
      }
      const [row] = await tx
        .insert(accountabilityRecords)
        .values({ ...v, ...numbers, issuingUnitId: issuing.unitId, createdBy: issuing.id })
        .returning({ id: accountabilityRecords.id });
      const id = row?.id as number;
      const links = [
        ...orderIds.map((orderId) => ({ recordId: id, orderId, caseId: null })),
        ...caseIds.map((caseId) => ({ recordId: id, caseId, orderId: null })),
      ];
      if (links.length) await tx.insert(accountabilityLinks).values(links);
      n += 1;
      return id;
    };
    const jsUser = { id: js.id, unitId: js.unitId };
    const njUser = { id: nj.id, unitId: nj.unitId };
    if (last && card) {
      const bureau = await bureauOf(last.code);
      const lost = [...last.items]
        .filter((i) => i.available)
        .sort((a, b) => b.deduction - a.deduction)
        .slice(0, 2);
      if (bureau)
        await record(
          {
            kind: 'notice',
            status: 'published',
            unitId: bureau.id,
            jurisdictionCode: last.code,
            title: `关于${last.name}${card.period.label}信访工作考核排名末位的通报`,
            facts:
              `${card.period.label}全省信访工作考核中，${last.name}得分${last.score}分，位列第${last.rank}名（末位）。` +
              `主要失分项：${lost.map((i) => `${i.label}扣${i.deduction}分`).join('，')}。`,
            decidedOn: dateAgo(Math.max(0, Number(today.slice(8, 10)) - 5)),
            decision: `请${last.name}信访局于15日内报送整改报告。`,
          },
          jsUser,
          [],
          [],
        );
    }

    // ---- 约谈 of 鼓楼区住建局; 重点管理 and 问责 of the escalated order's unit; linked to the orders ----
    const [zhujian] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.jurisdictionCode, '320106'), eq(units.deptKey, 'zhujian')));
    if (zhujian) {
      const orders = await tx
        .select({
          id: supervisionOrders.id,
          type: supervisionOrders.type,
          caseId: supervisionOrders.caseId,
          unitId: supervisionOrders.unitId,
          jurisdictionCode: supervisionOrders.jurisdictionCode,
        })
        .from(supervisionOrders)
        .orderBy(asc(supervisionOrders.id));
      const interview = orders.find((o) => o.type === 'interview' && o.unitId === zhujian.id);
      const written = orders.find((o) => o.type === 'written');
      const at = { unitId: zhujian.id, jurisdictionCode: '320106' };
      await record(
        {
          ...at,
          kind: 'interview',
          status: 'awaiting_follow_up',
          title: '约谈鼓楼区住建局主要负责人',
          facts: '鼓楼区住建局近三个月重复信访事项偏多，督办事项逾期未反馈。',
          decidedOn: dateAgo(1),
          person: '鼓楼区住建局局长',
          interviewer: '南京市信访局局长',
          commitments: '一个月内逐件排查重复信访事项，提出一次性化解措施；督办事项一周内反馈。',
          followUpOn: dateAgo(-30),
        },
        njUser,
        interview ? [interview.id] : [],
        [],
      );
      if (written) {
        // The escalated 书面督办's unit (鼓楼区住建局 when the seeded matter is its own).
        const wat = { unitId: written.unitId, jurisdictionCode: written.jurisdictionCode };
        const [wu] = await tx.select({ name: units.name }).from(units).where(eq(units.id, written.unitId));
        const uname = wu?.name ?? '';
        await record(
          {
            ...wat,
            kind: 'special_management',
            status: 'active',
            title: `${uname}列为信访工作重点管理单位`,
            facts: '书面督办事项逾期未反馈，经催办、升级仍未办结。',
            decidedOn: dateAgo(5),
            periodFrom: dateAgo(5),
            periodTo: dateAgo(-85),
            measures: '每周报送在办事项进度；市信访局每月实地督查一次；重点管理期间不得评优。',
          },
          njUser,
          [written.id],
          written.caseId ? [written.caseId] : [],
        );
        await record(
          {
            ...wat,
            kind: 'accountability',
            status: 'decided',
            title: '对督办事项推诿拖延问责',
            facts: '书面督办后经催办、升级仍未反馈，造成信访人多次来电。',
            decidedOn: dateAgo(2),
            person: `${uname}分管负责人`,
            form: '诫勉谈话',
            decision: `经研究，对${uname}分管负责人予以诫勉谈话，责令限期办结。`,
          },
          { id: njLeader.id, unitId: nj.unitId },
          [written.id],
          written.caseId ? [written.caseId] : [],
        );
      }
    }
    w.audit({ action: 'seed.assessment', entity: 'installation', summary: { rows: n } });
    return n;
  });
}
