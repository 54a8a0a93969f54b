// 站内消息的种类: one table that says, per kind of staff notification, what triggers it, who
// receives it, whether it may also go by SMS and what a user gets before choosing. The API
// (src/inbox), the console's preference page and docs/inbox.md all read this table.
// Dependency-free on purpose: the browser imports this file.

export interface InboxKind {
  /** Chinese name shown in the inbox and the preferences. */
  label: string;
  /** What creates it (the event or pass, in words). */
  trigger: string;
  /** Who receives it, in words (src/inbox/recipients.ts decides). */
  recipients: string;
  /** May a user also have it by SMS? (The SMS names the matter's number only, never the petitioner.) */
  smsAllowed: boolean;
  /** Shown in the inbox unless the user turns it off. */
  inAppDefault: boolean;
  /** Sent by SMS unless the user turns it off (only where allowed and the user has a mobile on file). */
  smsDefault: boolean;
  /** The SMS text: the matter's number only. */
  sms: (caseNumber: string) => string;
  /** Where a message of this kind leads in the console when it names no matter or order. */
  link?: string;
}

export const INBOX_KINDS = {
  assignment: {
    label: '新交办',
    trigger: '转送、交办、会办（case.acted）',
    recipients: '接收单位中可办理该事项的人员（按办理环节的角色，如登记员、承办人）',
    smsAllowed: true,
    inAppDefault: true,
    smsDefault: false,
    sms: (n) => `【阳光信访】您单位收到新交办的信访事项（编号${n}），请登录工作台办理。`,
  },
  review_request: {
    label: '复查复核申请',
    trigger: '申请复查、申请复核（case.acted）',
    recipients: '复查（复核）机关中可办理该事项的人员（审核人等）',
    smsAllowed: true,
    inAppDefault: true,
    smsDefault: false,
    sms: (n) => `【阳光信访】信访事项（编号${n}）已申请复查（复核），请登录工作台办理。`,
  },
  supervision: {
    label: '督办',
    trigger: '督查督办单、督办（supervision.raised、case.acted）',
    recipients: '被督办单位的承办人、审核人、督查员和领导',
    smsAllowed: true,
    inAppDefault: true,
    smsDefault: true,
    sms: (n) => `【阳光信访】信访事项（编号${n}）被督办，请登录工作台查看督办要求。`,
  },
  due_soon: {
    label: '临期提醒',
    trigger: '每日期限扫描标记临期（cases.swept）',
    recipients: '当前办理单位中可办理该事项的人员',
    smsAllowed: false,
    inAppDefault: true,
    smsDefault: false,
    sms: (n) => `【阳光信访】信访事项（编号${n}）即将到期，请及时办理。`,
  },
  overdue: {
    label: '逾期提醒',
    trigger: '每日期限扫描标记逾期（cases.swept）',
    recipients: '当前办理单位中可办理该事项的人员',
    smsAllowed: true,
    inAppDefault: true,
    smsDefault: false,
    sms: (n) => `【阳光信访】信访事项（编号${n}）已超过办理期限，请尽快办理。`,
  },
  warning: {
    label: '预警',
    trigger: '预警扫描新增预警：异常增长、群体事件、重复信访、超期积压（warnings.raised）',
    recipients: '预警所在地信访局及其上一级信访局的数据分析员',
    smsAllowed: false,
    inAppDefault: true,
    smsDefault: false,
    sms: () => '【阳光信访】新增信访预警，请登录工作台查看。',
    link: '/warnings',
  },
  monitoring_digest: {
    label: '日监测晨报',
    trigger: '每日生成本局日监测晨报（monitoring.digest_written）',
    recipients: '本局领导和数据分析员',
    smsAllowed: false,
    inAppDefault: true,
    smsDefault: false,
    sms: () => '【阳光信访】今日日监测晨报已生成，请登录工作台查看。',
    link: '/monitoring',
  },
  account_locked: {
    label: '账号锁定',
    trigger: '工作人员账号连续登录失败、被暂时锁定（auth.login_locked）',
    recipients: '该账号所在地及上一级信访局的系统管理员',
    smsAllowed: true,
    inAppDefault: true,
    smsDefault: false,
    sms: () => '【阳光信访】有工作人员账号因连续登录失败被暂时锁定，请登录工作台核实。',
    link: '/admin/users',
  },
  calendar_gap: {
    label: '节假日安排待录入',
    trigger: '每日检查：当年或（11月起）次年的法定节假日安排尚未录入（calendar.coverage_missing）',
    recipients: '省级系统管理员（节假日日历全省统一）',
    smsAllowed: false,
    inAppDefault: true,
    smsDefault: false,
    sms: () => '【阳光信访】节假日安排尚未录入，请登录工作台录入。',
    link: '/admin/holidays',
  },
} as const satisfies Record<string, InboxKind>;

export type InboxKindName = keyof typeof INBOX_KINDS;
export const INBOX_KIND_NAMES = Object.keys(INBOX_KINDS) as [InboxKindName, ...InboxKindName[]];
export const isInboxKind = (s: string): s is InboxKindName => Object.hasOwn(INBOX_KINDS, s);

export interface Preference {
  inApp: boolean;
  sms: boolean;
}

/** What a user gets for a kind: their stored choice, else the default; SMS never where not allowed. */
export function effectivePreference(kind: InboxKindName, stored?: Partial<Preference>): Preference {
  const k: InboxKind = INBOX_KINDS[kind];
  return {
    inApp: stored?.inApp ?? k.inAppDefault,
    sms: k.smsAllowed && (stored?.sms ?? k.smsDefault),
  };
}
