// Signs of extreme risk in a petition's text (极端风险迹象): self-harm, threats to others, extreme
// acts. A curated list of Chinese phrases, matched literally, with a simple negation check: a phrase
// preceded in the same clause (up to 4 characters back) by a negator ("不会", "没有", "绝不"…) does
// not count, so "我不会轻生" is not a sign while "我不想活了" is. Phrases are chosen to avoid the
// everyday petition vocabulary: "打击报复" (retaliation against a petitioner) is a complaint, not a
// threat, so only "报复社会" is listed. A match raises a warning for people to read; it decides nothing.

export type RiskKind = 'self_harm' | 'harm_others' | 'extreme_act';

export const RISK_KIND_NAMES: Record<RiskKind, string> = {
  self_harm: '自伤自杀倾向',
  harm_others: '伤害他人倾向',
  extreme_act: '极端行为倾向',
};

export const RISK_PHRASES: Record<RiskKind, readonly string[]> = {
  self_harm: [
    '自杀',
    '轻生',
    '寻短见',
    '不想活了',
    '活不下去',
    '以死相逼',
    '以死明志',
    '死给你们看',
    '一死了之',
    '跳楼',
    '跳河',
    '跳江',
    '喝农药',
    '服毒',
    '上吊',
    '割腕',
    '结束自己的生命',
    '了结自己',
  ],
  harm_others: [
    '杀了他',
    '杀了她',
    '杀了你',
    '砍死',
    '捅死',
    '弄死',
    '同归于尽',
    '一命换一命',
    '血债血偿',
    '报复社会',
    '要他的命',
    '让他偿命',
  ],
  // Not "爆炸" or "汽油": petitions about gas explosions and fuel prices are ordinary matters.
  extreme_act: ['自焚', '纵火', '放火', '炸药', '炸掉', '引爆', '投毒', '挟持', '劫持', '冲击政府'],
};

const NEGATORS = [
  '不会',
  '不要',
  '不能',
  '没有',
  '没',
  '绝不',
  '决不',
  '并非',
  '并不',
  '从未',
  '从不',
  '无意',
  '不再',
  '不是',
  '未曾',
  '别',
];
/** Characters that end a clause: a negator before one of these does not reach the phrase. */
const CLAUSE_END = /[，,。.；;！!？?：:、\n\r]/;
const WINDOW = 4;

export interface RiskSign {
  kind: RiskKind;
  phrase: string;
}

function negated(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < WINDOW && !CLAUSE_END.test(text[start - 1] ?? '')) start--;
  const before = text.slice(start, at);
  return NEGATORS.some((n) => before.includes(n));
}

/** Every distinct phrase found without a negation before it (any occurrence counts). */
export function findRiskSigns(text: string): RiskSign[] {
  const t = text.replace(/\s+/g, '');
  const found: RiskSign[] = [];
  for (const [kind, phrases] of Object.entries(RISK_PHRASES) as [RiskKind, readonly string[]][]) {
    for (const phrase of phrases) {
      let i = t.indexOf(phrase);
      while (i >= 0) {
        if (!negated(t, i)) {
          found.push({ kind, phrase });
          break;
        }
        i = t.indexOf(phrase, i + phrase.length);
      }
    }
  }
  return found;
}

/** The kinds found, for a short description without quoting the petitioner. */
export function describeRisk(signs: readonly RiskSign[]): string {
  return [...new Set(signs.map((s) => RISK_KIND_NAMES[s.kind]))].join('、');
}
