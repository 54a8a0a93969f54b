// The signed-in user as the API describes them (GET /auth/me, POST /auth/login; server–web
// contract, docs/architecture.md). Only zod here: the web imports the type with `import type`.
import { z } from 'zod';

const ability = (description: string) => z.boolean().meta({ description });

/**
 * What the caller may do, by name (as Outline serialises its policies): computed by
 * src/policies/abilities.ts from the same rules the routes enforce, so the console shows only what
 * the server allows and keeps no copy of the role lists. Each is the caller's general permission
 * (for their own unit and jurisdiction); a particular object may still refuse (its scope, its state).
 */
export const Abilities = z.object({
  matters: ability('查看信访事项（工作台、案件查询）'),
  register: ability('登记来信来访来电'),
  cannedReplies: ability('常用语'),
  receptions: ability('领导接访'),
  receptionPlan: ability('安排领导接访日程'),
  receptionBook: ability('网上预约领导接访（信访人本人）'),
  rightsCards: ability('权益保障卡'),
  rightsCardCheck: ability('凭卡核验、发卡'),
  videoReception: ability('视频接访'),
  videoSchedule: ability('发起视频接访'),
  hallCounter: ability('接待大厅窗口'),
  hallDisplay: ability('接待大厅叫号屏'),
  backlog: ability('积案化解'),
  backlogLedger: ability('积案台账、领导包案统计'),
  backlogPropose: ability('提请积案认定'),
  backlogOthersPackages: ability('填写他人包案的方案和活动'),
  mediation: ability('访调对接'),
  mediationCounts: ability('访调对接统计'),
  mediationBodies: ability('维护调解组织'),
  mediationReferHeld: ability('移交调解（所在单位办理中的事项）'),
  mediationReferInScope: ability('移交调解（本辖区事项，信访部门）'),
  experts: ability('专家库'),
  expertsKeep: ability('维护专家库'),
  linkage: ability('部门联动（含成员单位答复）'),
  linkageDesk: ability('部门联动、信访救助台账及统计（信访部门）'),
  linkageStart: ability('发起部门联动、信访救助、跨省协作'),
  linkageEdit: ability('维护联席会议成员单位'),
  sanwu: ability('三无县评定'),
  campaigns: ability('专项行动'),
  campaignLaunch: ability('发起专项行动'),
  projects: ability('重点工作'),
  supervision: ability('督查督办'),
  supervisionRaise: ability('发起督办'),
  flagAcknowledge: ability('签收上报'),
  assessment: ability('责任落实（本辖区）'),
  assessmentUnitHistory: ability('单位责任落实记录'),
  assessmentDecide: ability('记录通报、约谈、问责及回访'),
  assessmentLetters: ability('起草、签订责任书'),
  assessmentScheme: ability('设置考核方案（省级）'),
  monitoring: ability('日监测'),
  monitoringThresholds: ability('设置日监测阈值'),
  dispatch: ability('周调度'),
  dispatchChair: ability('召开周调度、确定调度事项'),
  dispatchTasks: ability('我的待办（调度事项负责人）'),
  reports: ability('专报、通报'),
  reportIssue: ability('签发专报'),
  analytics: ability('数据分析、预警'),
  warningAcknowledge: ability('签收预警'),
  audit: ability('审计日志'),
  administration: ability('系统管理（用户、单位、设置）'),
  holidayCalendar: ability('录入节假日安排（省级）'),
  categoryDictionary: ability('维护二、三级内容分类（省级）'),
  classifierActivate: ability('启用分类建议模型的某一版本（省级）'),
});
export type Abilities = z.infer<typeof Abilities>;

export const MeView = z.object({
  id: z.number(),
  role: z.string(),
  roleName: z.string(),
  displayName: z.string(),
  unit: z.object({ id: z.number(), name: z.string(), kind: z.enum(['bureau', 'department']) }).nullable(),
  jurisdiction: z
    .object({
      code: z.string(),
      name: z.string(),
      /** Codes in the caller's data scope start with this prefix. */
      scopePrefix: z.string(),
    })
    .nullable(),
  /** After an administrator's password reset: the console shows only the change form. */
  mustChangePassword: z.boolean(),
  abilities: Abilities,
});
export type MeView = z.infer<typeof MeView>;

/** GET /auth/demo-accounts (demo mode only): the accounts the login pages offer, one password. */
export const DemoAccounts = z.object({
  password: z.string(),
  accounts: z.array(
    z.object({
      username: z.string(),
      role: z.string(),
      roleName: z.string(),
      unit: z.string().nullable(),
      jurisdictionCode: z.string().nullable(),
      jurisdictionName: z.string().nullable(),
      loginWith: z.enum(['username', 'phone']),
    }),
  ),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;
