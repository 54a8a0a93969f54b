// Registration fields suggested from a scanned letter's OCR text (docs/ocr.md): the subject line,
// the body, the writer's name, mobile number and address. Pure: the text in, suggestions out. Every
// field is a suggestion for the registrar to confirm — OCR misreads, and a letter names people other
// than its writer — so a field is left out rather than guessed when its label is not found.
import { checkMobile, checkPersonName } from '../validation/index.ts';

export interface LetterFields {
  subject?: string;
  content?: string;
  name?: string;
  phone?: string;
  address?: string;
}

/** The registration form's limits (src/cases/routes.ts), so a suggestion always fits its field. */
export const FIELD_LIMITS = { subject: 100, content: 5000, address: 200 } as const;

const COLON = '[:：;；]?';
const NAME_LABEL = new RegExp(`(?:姓\\s*名|信\\s*访\\s*人|具\\s*名|署\\s*名|反映人|来信人)\\s*${COLON}\\s*`);
const PHONE_LABEL = /(?:电\s*话|手\s*机|联系方式)/;
const ADDRESS_LABEL = new RegExp(`(?:家庭住址|通讯地址|联系地址|住\\s*址|地\\s*址|家住)\\s*${COLON}\\s*`);
const SUBJECT_LABEL = new RegExp(`^(?:标\\s*题|事\\s*由|主\\s*题)\\s*${COLON}\\s*`);
const SALUTATION = /^(?:尊敬的|致|敬爱的).{0,30}[:：]?$|^.{0,20}(?:领导|同志|信访局|信访办)[:：]$/;
const DATE_LINE = /^[\d〇零一二三四五六七八九十○Oo]{2,4}\s*年.{1,6}月.{1,6}[日号]?$/;
const CJK = '\\p{Unified_Ideograph}';
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】—…';

/** Fullwidth digits and letters as ASCII; OCR's stray spaces between Chinese characters removed. */
export function tidyOcrText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(`(?<=[${CJK_PUNCT}]|${CJK})[ \\t]+(?=[${CJK_PUNCT}]|${CJK})`, 'gu'), '')
    .replace(new RegExp(`(?<=[${CJK_PUNCT}])[ \\t]+|[ \\t]+(?=[${CJK_PUNCT}])`, 'gu'), '');
}

/** Every 11-digit mobile number in the text (digits may be split by spaces or dashes). */
export function findMobiles(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<!\d)1[\d\s-]{10,16}/g)) {
    const digits = m[0].replace(/[\s-]/g, '').slice(0, 11);
    const checked = checkMobile(digits);
    if (checked.ok && !out.includes(checked.value)) out.push(checked.value);
  }
  return out;
}

/** The mobile number to suggest: the one on a 电话/手机 line first, else the only one in the letter. */
function phoneOf(lines: string[]): string | undefined {
  for (const line of lines) if (PHONE_LABEL.test(line)) return findMobiles(line)[0];
  const all = findMobiles(lines.join('\n'));
  return all.length === 1 ? all[0] : undefined;
}

function nameOf(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = NAME_LABEL.exec(line);
    if (!m) continue;
    // A name is the run of Chinese characters (or a middle dot) right after the label.
    const run = /^[\p{Unified_Ideograph}·•]{2,20}/u.exec(line.slice(m.index + m[0].length).trim());
    // 姓名 lines often go on with 电话/地址, and a group's writer signs as （代表）, whose brackets
    // OCR may drop: cut the run there.
    const name = run?.[0].split(/电话|手机|住址|地址|联系|身份/)[0]?.replace(/(?:代表|等\d*人|等)$/, '');
    if (name && checkPersonName(name).ok) return name;
  }
  return undefined;
}

function addressOf(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = ADDRESS_LABEL.exec(line);
    if (!m) continue;
    const rest = line
      .slice(m.index + m[0].length)
      .split(/\s*(?:电话|手机|联系电话|姓名)/)[0]
      ?.trim();
    if (!rest) continue;
    if ([...rest].length >= 4) return rest.slice(0, FIELD_LIMITS.address);
  }
  return undefined;
}

/** The subject: a 标题/事由 line, else a leading line starting 关于…, else a short first line. */
function subjectOf(lines: string[]): { subject?: string; index: number } {
  for (const [i, line] of lines.entries()) {
    const m = SUBJECT_LABEL.exec(line);
    if (m) return { subject: line.slice(m[0].length).trim() || undefined, index: i };
  }
  const first = lines.findIndex((l) => l.trim() !== '');
  const head = lines[first]?.trim();
  if (!head) return { index: -1 };
  const looksLikeTitle =
    head.startsWith('关于') ||
    (/(?:信|反映|投诉|申请|请求|建议|报告|举报|求助)$/.test(head) && [...head].length <= 40);
  if (looksLikeTitle && !SALUTATION.test(head)) return { subject: head, index: first };
  return { index: -1 };
}

function isFieldLine(line: string): boolean {
  return (
    NAME_LABEL.test(line) ||
    ADDRESS_LABEL.test(line) ||
    (PHONE_LABEL.test(line) && findMobiles(line).length > 0) ||
    DATE_LINE.test(line.replace(/\s/g, ''))
  );
}

/**
 * The body: every line but the subject, the salutation, the field lines and the date; lines joined
 * within a paragraph (a printed line break is not a paragraph), paragraphs at blank lines.
 */
function contentOf(lines: string[], subjectIndex: number): string | undefined {
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i === subjectIndex || SALUTATION.test(line) || isFieldLine(line)) return;
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
      return;
    }
    current += /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ` ${line}` : line;
  });
  if (current) paragraphs.push(current);
  const content = paragraphs.join('\n').trim();
  return content ? content.slice(0, FIELD_LIMITS.content) : undefined;
}

/** The suggestions for the registration form from a letter's OCR text. */
export function extractLetterFields(ocrText: string): LetterFields {
  const lines = tidyOcrText(ocrText).split('\n');
  const { subject, index } = subjectOf(lines);
  const fields: LetterFields = {
    subject: subject?.slice(0, FIELD_LIMITS.subject),
    content: contentOf(lines, index),
    name: nameOf(lines),
    phone: phoneOf(lines),
    address: addressOf(lines),
  };
  for (const k of Object.keys(fields) as (keyof LetterFields)[]) if (!fields[k]) delete fields[k];
  return fields;
}
