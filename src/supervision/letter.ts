// 督办函: the Word letter of a supervision order (书面督办, 实地督查), addressed to the unit, in the
// house style of the other documents (src/documents/layout.ts): number 〔2026〕督字第N号, the matter,
// the facts, the requirements and the feedback deadline. No personal data in clear: the petitioner
// is named masked (张**), and ID and phone numbers typed into the texts are masked.
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { caseParties, cases, units } from '../db/schema.ts';
import { chineseDate } from '../documents/format.ts';
import { layoutDocument } from '../documents/layout.ts';
import { packDeterministic } from '../documents/package.ts';
import type { Block, DocumentModel } from '../documents/types.ts';
import { maskName, maskNumbersInText } from '../domain/masking.ts';
import { ORDER_TYPE_RULES, type OrderType } from '../domain/supervision/orders.ts';
import type { OrderRow } from './queries.ts';

export interface LetterData {
  number: string;
  type: OrderType;
  raisingUnit: string;
  unit: string;
  raisedAt: Date;
  /** YYYY-MM-DD */
  deadline: string;
  facts: string;
  requirements: string;
  /** The matter, when the order is on a case. */
  case?: { caseNumber: string; subject: string; receivedAt: Date };
  /** Names of the case's petitioners and representatives: masked wherever the texts name them. */
  personNames?: readonly string[];
}

const LETTER_TITLE = '督办函';

/** YYYY-MM-DD as a date at noon in Shanghai (so its Chinese date is that day). */
const day = (d: string) => new Date(`${d}T12:00:00+08:00`);

/** A text with ID and phone numbers masked and the given persons' names masked. */
/** What the 督办函 of an order prints, read from its rows (`number`: the order's letter number). */
export async function letterDataOf(ctx: AppContext, o: OrderRow, number: string): Promise<LetterData> {
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, o.unitId));
  const [raising] = await ctx.db
    .select({ name: units.name })
    .from(units)
    .where(eq(units.id, o.raisingUnitId));
  let matter: { caseNumber: string; subject: string; receivedAt: Date } | undefined;
  let personNames: string[] = [];
  if (o.caseId !== null) {
    const [c] = await ctx.db
      .select({ caseNumber: cases.caseNumber, subject: cases.subject, receivedAt: cases.receivedAt })
      .from(cases)
      .where(eq(cases.id, o.caseId));
    matter = c;
    const parties = await ctx.db
      .select({ nameEnc: caseParties.nameEnc })
      .from(caseParties)
      .where(eq(caseParties.caseId, o.caseId));
    personNames = parties.map((p) => ctx.pii.decrypt(p.nameEnc));
  }
  return {
    number,
    type: o.type as OrderType,
    raisingUnit: raising?.name ?? '',
    unit: unit?.name ?? '',
    raisedAt: o.raisedAt,
    deadline: o.deadline,
    facts: o.facts,
    requirements: o.requirements,
    case: matter,
    personNames,
  };
}

export function maskPersonal(text: string, names: readonly string[] = []): string {
  let out = maskNumbersInText(text.trim());
  for (const n of [...names].filter((x) => [...x.trim()].length >= 2).sort((a, b) => b.length - a.length))
    out = out.split(n.trim()).join(maskName(n.trim()));
  return out;
}

export function letterModel(d: LetterData): DocumentModel {
  const names = d.personNames ?? [];
  const rule = ORDER_TYPE_RULES[d.type];
  const due = chineseDate(day(d.deadline));
  const opening = d.case
    ? `现就${cdShort(d.case.receivedAt)}登记的“${maskPersonal(d.case.subject, names)}”信访事项（信访件编号：${d.case.caseNumber}）对你单位予以${rule.name}`
    : `现对你单位信访工作予以${rule.name}`;
  const rows: [string, string][] = [];
  if (d.case) rows.push(['信访件编号', d.case.caseNumber], ['信访事项', maskPersonal(d.case.subject, names)]);
  rows.push(['督办方式', rule.name], ['被督办单位', d.unit], ['反馈期限', `${due}前`]);
  const blocks: Block[] = [
    {
      type: 'p',
      text: `根据《信访工作条例》关于督查督办的规定，${opening}。`,
    },
    { type: 'fields', rows },
    { type: 'heading', text: '一、督办事项' },
    ...paragraphs(maskPersonal(d.facts, names)),
    { type: 'heading', text: '二、督办要求' },
    ...paragraphs(maskPersonal(d.requirements, names)),
    { type: 'heading', text: '三、反馈要求' },
    {
      type: 'p',
      text:
        `请你单位于${due}前通过信访信息系统报送书面反馈，写明办理情况、处理结果及佐证材料。` +
        '逾期未反馈的，本机关将予以催办；催办后仍未反馈的，报请本机关领导督促。',
    },
  ];
  return { title: LETTER_TITLE, addressee: d.unit, blocks, closing: '特此督办。' };
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'p', text: t }));
}

const cdShort = (d: Date) => chineseDate(d);

export async function renderLetter(d: LetterData): Promise<{ buffer: Buffer; filename: string }> {
  const model = letterModel(d);
  const doc = layoutDocument({
    model,
    issuingBody: d.raisingUnit,
    documentNumber: d.number,
    caseNumber: d.case?.caseNumber ?? '',
    issuedDate: chineseDate(d.raisedAt),
    footerNote: d.case ? `督办函 ${d.number}\u3000信访件编号：${d.case.caseNumber}` : `督办函 ${d.number}`,
  });
  const { buffer } = await packDeterministic(doc, {
    title: LETTER_TITLE,
    creator: d.raisingUnit,
    subject: d.number,
    at: d.raisedAt,
  });
  const safe = d.number.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { buffer, filename: `督办函${safe}.docx` };
}
