// What 部门联动 contributes to the daily monitoring (src/monitoring/registry.ts): referrals to
// joint-conference members still waiting for the member's feedback after their deadline
// (移交成员单位逾期未反馈), longest overdue first.
import { and, asc, count, eq, like, lt } from 'drizzle-orm';
import { cases, linkageMembers, linkageReferrals } from '../db/schema.ts';
import { REFERRAL_RULES, type ReferralType } from '../domain/linkage/referrals.ts';
import { daysBetween } from '../domain/monitoring/sources.ts';
import type { SourceCollector } from '../monitoring/types.ts';

export const overdueReferrals: SourceCollector = async (q) => {
  const r = linkageReferrals;
  const where = and(
    eq(r.status, 'referred'),
    lt(r.deadline, q.today),
    like(r.jurisdictionCode, `${q.prefix}%`),
  );
  const [c] = await q.exec.select({ n: count() }).from(r).where(where);
  const total = Number(c?.n ?? 0);
  if (total === 0 || q.limit === 0) return { total, items: [] };
  const rows = await q.exec
    .select({
      id: r.id,
      type: r.type,
      deadline: r.deadline,
      caseId: r.caseId,
      caseNumber: cases.caseNumber,
      member: linkageMembers.name,
    })
    .from(r)
    .innerJoin(linkageMembers, eq(linkageMembers.id, r.memberId))
    .innerJoin(cases, eq(cases.id, r.caseId))
    .where(where)
    .orderBy(asc(r.deadline), asc(r.id))
    .limit(q.limit);
  return {
    total,
    items: rows.map((x) => ({
      key: `referral:${x.id}`,
      title: `${REFERRAL_RULES[x.type as ReferralType]?.name ?? x.type}移交逾期未反馈`,
      caseId: x.caseId,
      caseNumber: x.caseNumber,
      unit: x.member,
      days: daysBetween(x.deadline, q.today),
      daysLabel: '逾期天数',
      action: { label: '打开移交事项', path: `/linkage/referrals/${x.id}` },
    })),
  };
};
