// National flags on a matter (国家信访信息系统的事项标识, issue 11 item 9), as a table: what each
// means, who may set it, whether setting it reports the matter upwards. The flags the platform
// already keeps as columns (积案, 督办, 疑似联名/群体, 匿名) are derived from their own records and
// are not set here.

export const CASE_FLAGS = ['major_urgent', 'consent_public', 'litigation', 'foreign', 'threat'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

export interface FlagRule {
  /** 中文名称 (tags, filters, indicators). */
  name: string;
  description: string;
  /** The petitioner may give it themselves when submitting online (their consent). */
  petitionerMay: boolean;
  /** Setting it reports the matter to the petition bureau above (上报). */
  reportsUp: boolean;
  /** Tag colour in the console. */
  color: string;
}

export const FLAG_RULES: Record<CaseFlag, FlagRule> = {
  major_urgent: {
    name: '重大紧急',
    description: '可能造成重大影响、需紧急处置的事项；标记后即向上一级信访部门报告',
    petitionerMay: false,
    reportsUp: true,
    color: 'red',
  },
  consent_public: {
    name: '同意公开',
    description: '信访人同意公开其信访事项及办理结果（不含个人信息）',
    petitionerMay: true,
    reportsUp: false,
    color: 'green',
  },
  litigation: {
    name: '涉法涉诉',
    description: '涉及诉讼、仲裁、行政复议等法定途径的事项',
    petitionerMay: false,
    reportsUp: false,
    color: 'purple',
  },
  foreign: {
    name: '涉港澳台侨外',
    description: '涉及港澳台同胞、华侨或外国人的事项',
    petitionerMay: false,
    reportsUp: false,
    color: 'cyan',
  },
  threat: {
    name: '扬言',
    description: '信访人扬言采取极端行为的事项，应当及时稳控、报告',
    petitionerMay: false,
    reportsUp: false,
    color: 'volcano',
  },
};

export const isCaseFlag = (s: string): s is CaseFlag => (CASE_FLAGS as readonly string[]).includes(s);

/** The flags a petitioner may not give (staff-only), among those asked for; empty when all may. */
export const staffOnlyFlags = (flags: readonly CaseFlag[]): CaseFlag[] =>
  flags.filter((f) => !FLAG_RULES[f].petitionerMay);

/** The flags among `set` that report the matter upwards and were not set before. */
export const newlyReporting = (set: readonly CaseFlag[], before: readonly string[]): CaseFlag[] =>
  set.filter((f) => FLAG_RULES[f].reportsUp && !before.includes(f));

/** The SMS to the superior bureau's leaders: place, case number and the flag; no personal data. */
export function upwardReportText(p: { from: string; caseNumber: string; flag: CaseFlag }): string {
  return `【信访事项上报】${p.from}报告${FLAG_RULES[p.flag].name}信访事项，编号${p.caseNumber}，请登录工作台“日监测”查看并签收。`;
}
