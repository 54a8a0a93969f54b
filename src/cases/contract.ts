// The case API's answers (server–web contract, docs/architecture.md): the schemas the routes
// declare, and their types, which the console and the portal import with `import type`.
// Only zod and src/domain here: the web type-checks this file (test/unit/web-contract.test.ts).
import { z } from 'zod';
import { SimilarCase } from '../domain/relatedCases.ts';

export const CaseSummary = z.object({
  id: z.number(),
  caseNumber: z.string(),
  state: z.string(),
  stateName: z.string(),
  form: z.string(),
  formName: z.string(),
  purpose: z.string(),
  subject: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string().nullable().meta({ description: '问题属地名称' }),
  currentUnitId: z.number().nullable(),
  assignedUnitId: z.number().nullable(),
  receivedAt: z.string(),
  dueAt: z.string().nullable(),
  daysRemaining: z.number().nullable().meta({ description: '距当前期限的天数，负数为超期天数' }),
  dueFlag: z.string().nullable(),
  flags: z.object({
    firstTime: z.boolean(),
    repeatCount: z.number(),
    isGroup: z.boolean(),
    skippedLevel: z.boolean(),
    backlog: z.boolean(),
    supervised: z.boolean(),
    groupSuspect: z.boolean().meta({ description: '疑似联名/群体（多名信访人内容高度相似）' }),
    anonymous: z.boolean().meta({ description: '匿名信访：无信访人身份，不发通知、不作评价' }),
  }),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

/** POST /cases: the matter registered (or the open matter it was joined to, or the refusal). */
export const Registration = z.object({
  caseId: z.number(),
  caseNumber: z.string(),
  queryCode: z.string().optional().meta({ description: '查询码，仅此一次返回' }),
  state: z.string(),
  linkedTo: z.object({ caseId: z.number(), caseNumber: z.string() }).optional(),
  nextSteps: z
    .array(z.object({ action: z.string(), label: z.string() }))
    .optional()
    .meta({ description: '并入在办事项时，信访人现在可办理的事项（如申请复核）' }),
  repeatOf: z.object({ caseId: z.number(), caseNumber: z.string(), state: z.string() }).optional(),
});
export type Registration = z.infer<typeof Registration>;

/** A row of GET /cases: with `q`, the matched passage. */
export const CaseListItem = CaseSummary.extend({
  highlight: z.string().optional().meta({
    description: '检索命中片段（已转义的 HTML，仅含 <mark> 标记）',
  }),
});
export type CaseListItem = z.infer<typeof CaseListItem>;

export const CaseListAnswer = z.object({
  items: z.array(CaseListItem),
  total: z.number().meta({ description: '筛选结果总数；totalCapped 为 true 时为计数上限（默认 10000）' }),
  totalCapped: z.boolean().meta({
    description: '结果超过计数上限，实际数量多于 total（显示为“10,000+”）',
  }),
});
export type CaseListAnswer = z.infer<typeof CaseListAnswer>;

export const Party = z.object({
  role: z.string(),
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  rightsCardNo: z.string().nullable().meta({ description: '权益保障卡号（来访登记），按角色脱敏' }),
});

export const CaseDetail = CaseSummary.extend({
  purposeName: z.string(),
  content: z.string(),
  peopleCount: z.number(),
  outcome: z.string().nullable(),
  reasonCode: z.string().nullable(),
  units: z.record(z.string(), z.object({ id: z.number(), name: z.string() }).nullable()),
  parties: z.array(Party),
  deadlines: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      due: z.string(),
      dueDate: z.string(),
      running: z.boolean(),
      explanation: z.string().meta({ description: '期限如何计算（跳过的节假日）' }),
      staffNote: z
        .string()
        .nullable()
        .meta({ description: '仅工作人员可见的提示（如节假日数据未覆盖该期间）；信访人为 null' }),
      extendedBy: z.number(),
    }),
  ),
  evaluation: z.object({
    status: z.string().nullable(),
    bureauRating: z.string().nullable(),
    unitRating: z.string().nullable(),
  }),
  timeline: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      label: z.string(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      actorRole: z.string().nullable(),
      actorName: z
        .string()
        .nullable()
        .meta({ description: '办理的工作人员（姓名）；信访人看到的是 null，只见单位和角色' }),
      detail: z.record(z.string(), z.unknown()),
      lines: z
        .array(z.object({ key: z.string(), label: z.string(), value: z.string() }))
        .meta({ description: '记录的内容，按名称和文字（不是代码）' }),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      filename: z.string(),
      sha256: z.string().nullable(),
    }),
  ),
  availableActions: z.array(
    z.object({
      action: z.string(),
      label: z.string(),
      late: z
        .object({ clock: z.string(), clockName: z.string(), due: z.string(), daysLate: z.number() })
        .optional()
        .meta({ description: '该操作将逾期办理（已超过期限的天数）：须同时提交 lateReason（逾期原因）' }),
    }),
  ),
  limits: z
    .object({ maxExtensionDays: z.number() })
    .meta({ description: '本事项属地的期限设置（如办理期限最多延长的天数），供办理表单使用' }),
  related: z
    .array(SimilarCase)
    .meta({ description: '相关事项：同一信访人、关联的重复件、同一属地内容相近的事项（src/duplicates）' }),
});
export type CaseDetail = z.infer<typeof CaseDetail>;
export type Party = z.infer<typeof Party>;

/**
 * The answer to a lifecycle action (POST /cases/{id}/actions): the detail without `related`.
 * Related matters depend on the petitioner and the content, which no action changes, and finding
 * them costs four queries (docs/performance.md); the console keeps the list it has and re-reads the
 * case after 关联重复件.
 */
export const ActionAnswer = CaseDetail.omit({ related: true });
export type ActionAnswer = z.infer<typeof ActionAnswer>;
export type Deadline = CaseDetail['deadlines'][number];
export type TimelineItem = CaseDetail['timeline'][number];
export type AvailableAction = CaseDetail['availableActions'][number];
export type RelatedCase = SimilarCase;

/** GET /cases/{id}/notifications: the messages sent to the petitioner (staff only). */
export const Notification = z.object({
  stage: z.string().nullable(),
  channel: z.string(),
  recipient: z.string(),
  text: z.string(),
  status: z.string(),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;
export const NotificationsAnswer = z.object({ items: z.array(Notification) });
export type NotificationsAnswer = z.infer<typeof NotificationsAnswer>;

/** The actions the query code's holder may take (the petitioner's own). */
export const QUERY_CODE_ACTIONS = ['rate', 'request_review', 'request_rereview'] as const;

export const PublicCase = z.object({
  caseNumber: z.string(),
  state: z.string(),
  stateName: z.string(),
  subject: z.string(),
  receivedAt: z.string(),
  unit: z.string().nullable(),
  steps: z.array(z.object({ at: z.string(), label: z.string(), unit: z.string().nullable() })),
  reply: z.object({ outcome: z.string().nullable(), text: z.string(), at: z.string() }).nullable(),
  evaluation: z
    .object({ status: z.string().nullable(), rated: z.boolean() })
    .meta({ description: '评价状态（pending 待评价、rated 已评价、expired 超期未评价）' }),
  availableActions: z
    .array(z.object({ action: z.enum(QUERY_CODE_ACTIONS), label: z.string() }))
    .meta({ description: '凭查询码现在可以办理的操作（评价、申请复查、申请复核）' }),
});
export type PublicCase = z.infer<typeof PublicCase>;
