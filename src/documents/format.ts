// Text formatting for documents: Chinese-numeral dates, article lists and default 文号.
import { shanghaiDate } from '../domain/deadlines/calendar.ts';
import type { DocumentKind } from './types.ts';

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1..99 as written in dates and article numbers: 十, 十一, 二十, 三十一. */
export function chineseInteger(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`unsupported number ${n}`);
  if (n < 10) return DIGITS[n] as string;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (rest === 0) return `${DIGITS[hundreds]}百`;
  const tail =
    rest < 10 ? `〇${DIGITS[rest]}` : rest < 20 ? `一${chineseInteger(rest)}` : chineseInteger(rest);
  return `${DIGITS[hundreds]}百${tail}`;
}

function shanghaiParts(instant: Date): { year: number; month: number; day: number } {
  const [y, m, d] = shanghaiDate(instant).split('-').map(Number);
  return { year: y ?? 0, month: m ?? 0, day: d ?? 0 };
}

/** The Asia/Shanghai date of an instant in Chinese numerals: 二〇二六年十一月二十七日. */
export function chineseDate(instant: Date): string {
  const { year, month, day } = shanghaiParts(instant);
  const y = String(year)
    .split('')
    .map((c) => DIGITS[Number(c)])
    .join('');
  return `${y}年${chineseInteger(month)}月${chineseInteger(day)}日`;
}

export function shanghaiYear(instant: Date): number {
  return shanghaiParts(instant).year;
}

/** 《信访工作条例》第二十二条 + 《信访工作条例》第二十三条 → 《信访工作条例》第二十二条、第二十三条. */
export function joinLegalBasis(items: readonly string[]): string {
  const groups: { law: string; parts: string[] }[] = [];
  for (const item of items) {
    const m = /^(《[^》]+》)(.*)$/.exec(item.trim());
    const law = m?.[1] ?? '';
    const part = m ? (m[2] ?? '').trim() : item.trim();
    const last = groups[groups.length - 1];
    if (last && law !== '' && last.law === law && part !== '') last.parts.push(part);
    else groups.push({ law, parts: part === '' ? [] : [part] });
  }
  return groups.map((g) => `${g.law}${g.parts.join('、')}`).join('，');
}

/** Jiangsu's usual one-character city abbreviations in 文号. */
const CITY_ABBR: Record<string, string> = {
  南京: '宁',
  无锡: '锡',
  徐州: '徐',
  常州: '常',
  苏州: '苏',
  南通: '通',
  连云港: '连',
  淮安: '淮',
  盐城: '盐',
  扬州: '扬',
  镇江: '镇',
  泰州: '泰',
  宿迁: '宿',
};

/** Department-name abbreviations; anything else takes its first character. */
const DEPT_ABBR: [RegExp, string][] = [
  [/^信访/, '信'],
  [/^人民政府办公室/, '政办'],
  [/^人民政府/, '政'],
  [/^住房和城乡建设/, '住建'],
  [/^人力资源和社会保障/, '人社'],
  [/^自然资源和规划/, '规资'],
  [/^市场监督管理/, '市监'],
  [/^卫生健康/, '卫健'],
  [/^城市管理/, '城管'],
  [/^生态环境/, '环'],
  [/^公安/, '公'],
  [/^教育/, '教'],
  [/^民政/, '民'],
];

const KIND_ABBR: Record<DocumentKind, string> = {
  acceptance_notice: '受',
  non_acceptance_notice: '不受',
  forward_letter: '转',
  assignment_order: '交',
  extension_notice: '延',
  handling_opinion: '处',
  review_opinion: '复查',
  rereview_opinion: '复核',
  hearing_notice: '听通',
  hearing_record: '听录',
};

/** 南京市鼓楼区信访局 → 鼓信; 南京市信访局 → 宁信; 江苏省信访局 → 苏信. */
export function bodyAbbreviation(body: string): string {
  let rest = body.trim().replace(/^中共/, '');
  let place = '';
  const province = /^(.+?)省/.exec(rest);
  if (province) {
    place = province[1] === '江苏' ? '苏' : (province[1]?.[0] ?? '');
    rest = rest.slice(province[0].length);
  }
  const city = /^(.+?)市/.exec(rest);
  if (city && city[1] !== undefined && city[1].length <= 3) {
    place = CITY_ABBR[city[1]] ?? city[1][0] ?? place;
    rest = rest.slice(city[0].length);
  }
  const county = /^(.{1,4}?)(区|县|市)/.exec(rest);
  if (county?.[1] && !/^(人民|信访|城市)/.test(rest)) {
    place = county[1][0] ?? place;
    rest = rest.slice(county[0].length);
  }
  const dept = DEPT_ABBR.find(([re]) => re.test(rest))?.[1] ?? rest[0] ?? '';
  return `${place}${dept}`;
}

/** Default 文号: 鼓信受〔2026〕123号 (sequence = the case number's serial part). */
export function defaultDocumentNumber(
  body: string,
  kind: DocumentKind,
  issuedAt: Date,
  caseNumber: string,
  final: boolean,
): string {
  const kindAbbr = kind === 'non_acceptance_notice' && final ? '不再受' : KIND_ABBR[kind];
  const serial = /^\d{10}(\d+)$/.exec(caseNumber.trim())?.[1];
  const tail = /(\d{1,7})$/.exec(caseNumber.trim())?.[1];
  const seq = serial ? Number(serial) : tail ? Number(tail) : caseNumber.trim();
  return `${bodyAbbreviation(body)}${kindAbbr}〔${shanghaiYear(issuedAt)}〕${seq}号`;
}
