// The seven standards of closing a backlog matter (《江苏省常态化信访积案化解工作办理规范标准》, [SEED]
// 【信访积案化解】): 认定恰当、标识准确、程序完整、要件齐全、实体合理、结案合规、审核严谨. Each item of the
// closing checklist needs evidence (a note naming the document, record or attachment) and a
// reviewer's sign-off; a matter closes only when all seven are met and the bureau above approves.

export const STANDARDS = [
  {
    key: 'identification',
    name: '认定恰当',
    hint: '积案认定的依据与理由（认定意见、事项基本情况）',
  },
  {
    key: 'flagging',
    name: '标识准确',
    hint: '系统中积案标识、级别、责任单位与实际一致',
  },
  {
    key: 'procedure',
    name: '程序完整',
    hint: '受理、交办、办理、答复、复查复核等程序齐备',
  },
  {
    key: 'documents',
    name: '要件齐全',
    hint: '处理意见书、化解方案、会议纪要、协议等要件齐全',
  },
  {
    key: 'substance',
    name: '实体合理',
    hint: '诉求合理部分已解决，不合理部分已解释说明到位',
  },
  {
    key: 'closure',
    name: '结案合规',
    hint: '息诉罢访承诺或化解结果确认，结案手续符合规定',
  },
  {
    key: 'review',
    name: '审核严谨',
    hint: '本级审核意见、领导签批等审核记录',
  },
] as const;

export type StandardKey = (typeof STANDARDS)[number]['key'];
export const STANDARD_KEYS = STANDARDS.map((s) => s.key) as readonly StandardKey[];

export const isStandard = (key: string): key is StandardKey =>
  (STANDARD_KEYS as readonly string[]).includes(key);

export const standardName = (key: string): string => STANDARDS.find((s) => s.key === key)?.name ?? key;

/** One item of a matter's checklist as stored. */
export interface CheckState {
  standard: string;
  evidence: string | null;
  signed: boolean;
}

/** The standards not yet met (no evidence, or not signed off), in the table's order. */
export function unmetStandards(checks: readonly CheckState[]): StandardKey[] {
  return STANDARD_KEYS.filter((k) => {
    const c = checks.find((x) => x.standard === k);
    return !c?.evidence || !c.signed;
  });
}
