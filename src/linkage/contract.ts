// The linkage API's answers (联席会议成员单位转交, 跨省协作; server–web contract, docs/architecture.md).
// Only zod here: the console imports the types with `import type`.
import { z } from 'zod';
import { HistoryEntries } from '../domain/history.ts';

export const Member = z.object({
  id: z.number(),
  jurisdictionCode: z.string(),
  body: z.string(),
  bodyName: z.string(),
  name: z.string(),
  unitId: z.number().nullable(),
  liaison: z.string().nullable(),
});
export type Member = z.infer<typeof Member>;

export const ReferralItem = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  type: z.string(),
  typeName: z.string(),
  member: z.string(),
  memberBody: z.string(),
  jurisdictionCode: z.string(),
  deadline: z.string(),
  status: z.string(),
  statusName: z.string(),
  overdue: z.boolean(),
  referredAt: z.string(),
  feedbackAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ReferralItem = z.infer<typeof ReferralItem>;

export const History = HistoryEntries;
export type History = z.infer<typeof History>;

export const Actions = z.array(z.object({ action: z.string(), label: z.string() }));
export type Actions = z.infer<typeof Actions>;

export const ReferralDetail = ReferralItem.extend({
  reason: z.string(),
  request: z.string(),
  feedback: z.string().nullable(),
  history: History,
  availableActions: Actions,
});
export type ReferralDetail = z.infer<typeof ReferralDetail>;

export const Cooperation = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  subject: z.string(),
  jurisdictionCode: z.string(),
  counterpartProvince: z.string(),
  counterpartProvinceName: z.string(),
  counterpartBureau: z.string(),
  matter: z.string(),
  status: z.string(),
  statusName: z.string(),
  outcome: z.string().nullable(),
  outcomeName: z.string().nullable(),
  outcomeNote: z.string().nullable(),
  letters: z.array(
    z.object({
      date: z.string(),
      direction: z.string(),
      directionName: z.string(),
      reference: z.string().nullable(),
      summary: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  canAct: z.boolean(),
});
export type Cooperation = z.infer<typeof Cooperation>;

/** GET /linkage/members: the jurisdiction's member bodies. */
export const MembersAnswer = z.object({ jurisdictionCode: z.string(), items: z.array(Member) });
export type MembersAnswer = z.infer<typeof MembersAnswer>;

/** GET /linkage/referrals/counts: 部门联动统计 by referral type and member body. */
export const CountRow = z.object({
  type: z.string(),
  body: z.string(),
  referred: z.number(),
  fedBack: z.number(),
  closed: z.number(),
  overdue: z.number(),
});
export type CountRow = z.infer<typeof CountRow>;
export const ReferralCounts = z.object({ items: z.array(CountRow) });
export type ReferralCounts = z.infer<typeof ReferralCounts>;
