// 依法分类处理: matter types that belong to a legal channel (诉讼, 仲裁, 行政复议, 纪检监察 …) rather
// than to ordinary petition handling (《信访工作条例》第二十八条第二款, 第三十条, 第三十一条; domain.md
// §5). Jiangsu's own 法定途径清单 was not found, so the default table below is the project's own,
// built from the routes of Art 31 and the laws that set up each channel; administrators edit it.
// A hint is advice to the registrar, never a decision: `refer_channel` remains a staff action.
import { LEGAL_CHANNELS } from './lifecycle/vocabulary.ts';

/** Art 31 items 1–5 (as the `refer_channel` action), plus accusations (Art 30) and 人大 matters. */
export const HINT_CHANNELS = {
  ...LEGAL_CHANNELS,
  discipline: '纪检监察（检举控告）',
  peoples_congress: '人民代表大会及其常委会',
} as const;
export type HintChannel = keyof typeof HINT_CHANNELS;
export const HINT_CHANNEL_CODES = Object.keys(HINT_CHANNELS) as [HintChannel, ...HintChannel[]];

export interface LegalChannelRule {
  /** Stable identifier, e.g. 'labour_arbitration' (lower case, digits, underscores). */
  id: string;
  channel: HintChannel;
  /** What the registrar reads, e.g. 劳动人事争议仲裁. */
  label: string;
  /**
   * The rule matches when any keyword occurs in the text. A keyword written `A+B` needs every
   * part to occur (anywhere in the text): `判决+不服` matches 「对一审判决不服」.
   */
  keywords: string[];
  /** Not when any of these words occurs (a more specific channel applies: 劳动合同 for 合同纠纷). */
  unless?: string[];
  /** Only when the classifier's suggested categories include this first-level category. */
  category?: string;
  /** The body that decides such matters (pre-fills 受理机关 when the matter is referred). */
  competentBody: string;
  /** What to tell the petitioner: which body, which law, time limits. */
  advice: string;
  enabled?: boolean;
}

export interface LegalHint {
  ruleId: string;
  channel: HintChannel;
  label: string;
  competentBody: string;
  advice: string;
  /** The words of the text that triggered the rule, in rule order. */
  matched: string[];
}

export const DEFAULT_LEGAL_CHANNEL_RULES: readonly LegalChannelRule[] = [
  {
    id: 'litigation_judgment',
    channel: 'litigation',
    label: '涉法涉诉：不服法院裁判或执行',
    keywords: [
      '判决+不服',
      '裁定+不服',
      '一审判决',
      '二审',
      '再审',
      '判决书',
      '执行难',
      '强制执行',
      '法院执行',
    ],
    competentBody: '作出裁判的人民法院或其上一级人民法院',
    advice:
      '已经或者依法应当通过诉讼程序解决的涉法涉诉事项，按诉访分离，引导信访人向人民法院申请再审、申诉或申请执行，或向人民检察院申请法律监督（《民事诉讼法》《行政诉讼法》；《信访工作条例》第三十一条第一项）。',
  },
  {
    id: 'labour_arbitration',
    channel: 'arbitration',
    label: '劳动人事争议仲裁',
    keywords: [
      '劳动合同',
      '劳动争议',
      '劳动关系',
      '辞退',
      '解除劳动',
      '经济补偿',
      '加班费',
      '双倍工资',
      '工伤待遇',
      '人事争议',
    ],
    competentBody: '劳动人事争议仲裁委员会',
    advice:
      '属于劳动人事争议，可以自知道或者应当知道权利被侵害之日起一年内向劳动人事争议仲裁委员会申请仲裁，对裁决不服的可以向人民法院起诉；拖欠工资也可以向人力资源社会保障部门的劳动保障监察机构投诉（《劳动争议调解仲裁法》《劳动合同法》）。',
  },
  {
    id: 'civil_litigation',
    channel: 'litigation',
    label: '民事纠纷：可提起诉讼',
    keywords: [
      '民间借贷',
      '借钱不还',
      '欠款不还',
      '借款不还',
      '离婚',
      '抚养费',
      '赡养费',
      '遗产',
      '继承纠纷',
      '合同纠纷',
      '起诉',
      '诉讼',
    ],
    unless: ['劳动合同', '劳动争议', '劳动关系', '承包合同', '土地承包'],
    competentBody: '有管辖权的人民法院',
    advice:
      '属于平等主体之间的民事争议，可以协商、申请人民调解，或依法向人民法院提起诉讼；经济困难的可以申请法律援助（《民事诉讼法》；《信访工作条例》第三十一条第一项）。',
  },
  {
    id: 'procuratorate',
    channel: 'litigation',
    label: '检察监督',
    keywords: ['检察院', '抗诉', '法律监督', '不起诉决定'],
    competentBody: '人民检察院',
    advice:
      '对人民法院生效裁判、执行活动或侦查、审判活动有异议的，可以向人民检察院申请监督（《人民检察院组织法》《民事诉讼法》；《信访工作条例》第三十一条第一项）。',
  },
  {
    id: 'police_procedure',
    channel: 'litigation',
    label: '公安机关法律程序',
    keywords: ['不予立案', '不立案', '报案+没有', '立案侦查', '刑事案件', '诈骗+报警', '集资诈骗'],
    competentBody: '公安机关',
    advice:
      '涉嫌犯罪的，向公安机关报案、控告；对不予立案决定不服的，可以申请复议，或向人民检察院申请立案监督（《刑事诉讼法》；《信访工作条例》第三十一条第一项）。',
  },
  {
    id: 'rural_land_arbitration',
    channel: 'arbitration',
    label: '农村土地承包经营纠纷仲裁',
    keywords: ['土地承包', '承包经营权', '承包地', '土地流转'],
    competentBody: '农村土地承包仲裁委员会',
    advice:
      '农村土地承包经营纠纷，可以请求村民委员会、乡（镇）人民政府调解，或向农村土地承包仲裁委员会申请仲裁，也可以直接向人民法院起诉（《农村土地承包经营纠纷调解仲裁法》）。',
  },
  {
    id: 'commercial_arbitration',
    channel: 'arbitration',
    label: '合同约定仲裁',
    keywords: ['仲裁条款', '仲裁协议', '仲裁委员会'],
    competentBody: '合同约定的仲裁委员会',
    advice: '合同约定了仲裁的，向约定的仲裁委员会申请仲裁，仲裁裁决为终局裁决（《仲裁法》）。',
  },
  {
    id: 'administrative_reconsideration',
    channel: 'administrative',
    label: '行政复议或行政诉讼',
    keywords: [
      '行政处罚',
      '罚款+不服',
      '吊销',
      '行政拘留',
      '不予许可',
      '责令拆除',
      '强制拆除',
      '征收决定',
      '行政复议',
      '具体行政行为',
    ],
    competentBody: '行政复议机关（作出决定的行政机关的本级人民政府或上一级主管部门）',
    advice:
      '对行政机关的处罚、强制、许可、征收等行政行为不服的，可以自知道之日起六十日内申请行政复议，或依法向人民法院提起行政诉讼（《行政复议法》《行政诉讼法》；《信访工作条例》第三十一条第四项）。',
  },
  {
    id: 'land_ownership_ruling',
    channel: 'administrative',
    label: '土地、林地权属争议处理',
    keywords: ['土地权属', '权属争议', '宅基地纠纷', '山林纠纷', '林权纠纷', '确权'],
    competentBody: '县级以上人民政府',
    advice:
      '土地所有权和使用权争议由当事人协商解决，协商不成的由人民政府处理；对处理决定不服的，可以依法向人民法院起诉（《土地管理法》《森林法》；《信访工作条例》第三十一条第四项）。',
  },
  {
    id: 'medical_dispute',
    channel: 'duty_performance',
    label: '医疗纠纷',
    keywords: ['医疗事故', '医疗纠纷', '医疗损害', '误诊'],
    competentBody: '医疗纠纷人民调解委员会或卫生健康主管部门',
    advice:
      '医疗纠纷可以双方协商，申请医疗纠纷人民调解或卫生健康主管部门行政调解，也可以依法向人民法院提起诉讼（《医疗纠纷预防和处理条例》）。',
  },
  {
    id: 'discipline_inspection',
    channel: 'discipline',
    label: '检举控告：纪检监察',
    keywords: [
      '贪污',
      '受贿',
      '行贿',
      '腐败',
      '挪用公款',
      '公款吃喝',
      '以权谋私',
      '违纪',
      '吃拿卡要',
      '滥用职权',
    ],
    competentBody: '纪律检查委员会、监察委员会',
    advice:
      '检举控告党员、公职人员违纪违法的，由纪检监察机关依照有关规定受理、办理并反馈；信访部门按《信访工作条例》第三十条转纪检监察机关（《监察法》《中国共产党纪律检查机关监督执纪工作规则》）。',
  },
  {
    id: 'party_appeal',
    channel: 'party_appeal',
    label: '党员申诉或申请复审',
    keywords: ['党纪处分', '开除党籍', '党内处分', '党员+申诉', '留党察看'],
    competentBody: '作出处分决定的党组织或上级党组织',
    advice:
      '党员对党组织给予的处理、处分不服的，可以向党组织提出申诉（《中国共产党党员权利保障条例》；《信访工作条例》第三十一条第三项）。',
  },
  {
    id: 'civil_servant_appeal',
    channel: 'party_appeal',
    label: '公务员人事处理申诉',
    keywords: ['公务员+处分', '人事处理', '辞退公务员', '降级+处分'],
    competentBody: '原处理机关或同级公务员主管部门',
    advice:
      '公务员对处分等人事处理不服的，可以向原处理机关申请复核，或向同级公务员主管部门、上一级机关提出申诉（《公务员法》；《信访工作条例》第三十一条第三项）。',
  },
  {
    id: 'peoples_congress',
    channel: 'peoples_congress',
    label: '人大及其常委会职权事项',
    keywords: ['人大代表', '人大常委会', '地方性法规', '罢免'],
    competentBody: '人民代表大会常务委员会',
    advice:
      '涉及人民代表大会及其常委会职权的事项（地方性法规、代表履职、选举与罢免），向人民代表大会常务委员会提出。',
  },
];

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Which words of `keyword` ('A' or 'A+B') occur in `text`; null when the keyword does not match. */
function matchKeyword(text: string, keyword: string): string[] | null {
  const parts = keyword
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  return parts.every((p) => text.includes(normalise(p))) ? parts : null;
}

/**
 * The rules a text matches, most matched words first. `categories` (the classifier's top
 * suggestions) gates rules that name a category; without it such rules are skipped.
 */
export function matchLegalChannels(
  text: string,
  rules: readonly LegalChannelRule[],
  opts: { categories?: readonly string[] } = {},
): LegalHint[] {
  const t = normalise(text);
  const hints: LegalHint[] = [];
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    if (rule.category && !opts.categories?.includes(rule.category)) continue;
    if (rule.unless?.some((w) => w.trim() && t.includes(normalise(w.trim())))) continue;
    const matched: string[] = [];
    for (const k of rule.keywords) {
      for (const w of matchKeyword(t, k) ?? []) if (!matched.includes(w)) matched.push(w);
    }
    if (matched.length === 0) continue;
    hints.push({
      ruleId: rule.id,
      channel: rule.channel,
      label: rule.label,
      competentBody: rule.competentBody,
      advice: rule.advice,
      matched,
    });
  }
  // Stable: equal counts keep the table's order (an administrator's ordering is a priority).
  return hints
    .map((h, i) => ({ h, i }))
    .sort((a, b) => b.h.matched.length - a.h.matched.length || a.i - b.i)
    .map((x) => x.h);
}

/** Problems with a rule list, as Chinese messages keyed by field path (empty = valid). */
export function validateLegalChannelRules(
  rules: readonly LegalChannelRule[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) problems.push({ field: `rules.${i}.id`, message: `规则编号重复：${r.id}` });
    seen.add(r.id);
    r.keywords.forEach((k, j) => {
      const parts = k.split('+').map((p) => p.trim());
      if (parts.some((p) => p.length === 0)) {
        problems.push({
          field: `rules.${i}.keywords.${j}`,
          message: `关键词“${k}”格式不正确：“+”两侧都应有词`,
        });
      } else if (parts.some((p) => [...p].length < 2)) {
        // One character (e.g. 法) would match almost every petition.
        problems.push({ field: `rules.${i}.keywords.${j}`, message: `关键词“${k}”过短：每个词至少2个字` });
      }
    });
  });
  return problems;
}
