// 调解协议书: the Word agreement of a referral that ended in agreement, in the house layout of the
// other documents (src/documents/layout.ts): the body's name as issuer, number 〔2026〕调协字第N号, the
// parties, the matter, the sessions, the terms, and the signature lines. No personal data in clear:
// the parties are named masked (张**), and names, ID and phone numbers typed into the texts are
// masked (maskPersonal, as the 督办函 does).
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { caseParties, cases, mediationSessions, units } from '../db/schema.ts';
import { chineseDate } from '../documents/format.ts';
import { layoutDocument } from '../documents/layout.ts';
import { packDeterministic } from '../documents/package.ts';
import type { Block, DocumentModel } from '../documents/types.ts';
import { maskName } from '../domain/masking.ts';
import { agreementNumber, MEDIATION_KIND_RULES, type MediationKind } from '../domain/mediation/referrals.ts';
import { conflict } from '../errors.ts';
import { maskPersonal } from '../supervision/letter.ts';
import { type ReferralRow, referralRow } from './queries.ts';

export interface AgreementData {
  number: string;
  kind: MediationKind;
  body: string;
  mediator: string | null;
  concludedAt: Date;
  caseNumber: string;
  subject: string;
  /** The part of the matter referred (部分移交), if not the whole. */
  part: string | null;
  reason: string;
  terms: string;
  /** Petitioners and representatives (decrypted here, only ever printed masked). */
  parties: readonly { name: string; role: string }[];
  /** The other side: the unit the matter concerns. */
  otherParty: string | null;
  sessions: readonly { date: string; place: string; notes: string }[];
  /** Everyone named in the sessions (attendees): masked wherever the texts name them. */
  otherNames: readonly string[];
}

/** What the agreement of a referral prints, read from its rows (409 when it ended without one). */
export async function agreementDataOf(ctx: AppContext, r: ReferralRow): Promise<AgreementData> {
  if (r.agreementYear === null || r.agreementSeq === null || !r.agreementTerms || !r.concludedAt)
    throw conflict('mediation_no_agreement', '该调解未达成协议，没有调解协议书');
  const row = await referralRow(ctx.db, r.id);
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, r.caseId));
  const parties = await ctx.db
    .select({ nameEnc: caseParties.nameEnc, role: caseParties.role })
    .from(caseParties)
    .where(eq(caseParties.caseId, r.caseId));
  const sessions = await ctx.db
    .select()
    .from(mediationSessions)
    .where(eq(mediationSessions.referralId, r.id));
  const unitId = c?.assignedUnitId ?? c?.currentUnitId ?? null;
  const [unit] = unitId
    ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, unitId))
    : [];
  return {
    number: agreementNumber(r.agreementYear, r.agreementSeq),
    kind: row.bodyKind as MediationKind,
    body: row.body,
    mediator: r.mediator,
    concludedAt: r.concludedAt,
    caseNumber: row.caseNumber,
    subject: row.subject,
    part: r.part,
    reason: r.reason,
    terms: r.agreementTerms,
    parties: parties.map((p) => ({ name: ctx.pii.decrypt(p.nameEnc), role: p.role })),
    otherParty: unit?.name ?? null,
    sessions: sessions
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((s) => ({ date: s.date, place: s.place, notes: s.notes })),
    otherNames: sessions.flatMap((s) =>
      (JSON.parse(ctx.pii.decrypt(s.attendeesEnc)) as { name: string }[]).map((a) => a.name),
    ),
  };
}

const ROLE_NAMES: Record<string, string> = { petitioner: '信访人', representative: '代表人' };

export function agreementModel(d: AgreementData): DocumentModel {
  const names = [...d.parties.map((p) => p.name), ...d.otherNames];
  const m = (t: string) => maskPersonal(t, names);
  const rows: [string, string][] = d.parties.map((p) => [
    `当事人（${ROLE_NAMES[p.role] ?? p.role}）`,
    maskName(p.name),
  ]);
  if (d.otherParty) rows.push(['对方当事人', d.otherParty]);
  rows.push(
    ['信访件编号', d.caseNumber],
    ['信访事项', m(d.subject)],
    ['调解类型', MEDIATION_KIND_RULES[d.kind].name],
    ['调解组织', d.body],
  );
  if (d.mediator) rows.push(['调解员', d.mediator]);
  const blocks: Block[] = [
    {
      type: 'p',
      text: `上列当事人因下列事项，经信访工作机构移交，于${chineseDate(d.concludedAt)}在${d.body}主持下自愿达成如下调解协议。`,
    },
    { type: 'fields', rows },
    { type: 'heading', text: '一、纠纷的主要事实和争议事项' },
    ...(d.part ? [{ type: 'p' as const, text: `本次调解的事项（部分移交）：${m(d.part)}` }] : []),
    ...paragraphs(m(d.reason)),
    { type: 'heading', text: '二、调解经过' },
    ...(d.sessions.length
      ? d.sessions.map((s) => ({
          type: 'p' as const,
          text: `${chineseDate(new Date(`${s.date}T12:00:00+08:00`))}，在${s.place}进行调解。${m(s.notes)}`,
        }))
      : [{ type: 'p' as const, text: '经调解员主持调解，当事人充分协商。' }]),
    { type: 'heading', text: '三、经调解，自愿达成如下协议' },
    ...paragraphs(m(d.terms)),
    { type: 'heading', text: '四、协议效力' },
    {
      type: 'p',
      text:
        '本协议自各方当事人签名（盖章或按指印）、调解员签名并加盖调解组织印章之日起生效，当事人应当按照约定履行。' +
        '本协议一式三份，当事人各执一份，调解组织留存一份；信访事项依本协议办结。',
    },
    { type: 'p', text: '信访人（签名或按指印）：＿＿＿＿＿＿' },
    { type: 'p', text: '对方当事人（签名或盖章）：＿＿＿＿＿＿' },
    { type: 'p', text: '调解员（签名）：＿＿＿＿＿＿' },
  ];
  return { title: '调解协议书', addressee: '各方当事人', blocks };
}

function paragraphs(text: string): Block[] {
  return text
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ type: 'p', text: t }));
}

export async function renderAgreement(d: AgreementData): Promise<{ buffer: Buffer; filename: string }> {
  const doc = layoutDocument({
    model: agreementModel(d),
    issuingBody: d.body,
    documentNumber: d.number,
    caseNumber: d.caseNumber,
    issuedDate: chineseDate(d.concludedAt),
    footerNote: `调解协议书 ${d.number}\u3000信访件编号：${d.caseNumber}`,
  });
  const { buffer } = await packDeterministic(doc, {
    title: '调解协议书',
    creator: d.body,
    subject: d.number,
    at: d.concludedAt,
  });
  const safe = d.number.replace(/[\\/:*?"<>|\s]+/g, '_');
  return { buffer, filename: `调解协议书${safe}.docx` };
}
