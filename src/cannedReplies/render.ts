// Filling a canned text from a case, on the server: the case must be one the user may read (404
// otherwise), and the petitioner's name is shown as the case page shows it to this user — in full
// to the roles that contact the petitioner (casePolicy.viewFullPii), masked to the others.
import { and, eq } from 'drizzle-orm';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { caseParties, cases } from '../db/schema.ts';
import { fillPlaceholders, type PlaceholderName } from '../domain/cannedReplies/placeholders.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import type { Clocks } from '../domain/lifecycle/clockTypes.ts';
import { maskName } from '../domain/masking.ts';
import { notFound } from '../errors.ts';
import { type Actor, casePolicy } from '../policies/index.ts';

/** 2026-03-05 → 2026年3月5日, as official letters write dates. */
export function chineseDate(d: Date | string | null | undefined): string {
  if (!d) return '';
  const [y, m, day] = shanghaiDate(typeof d === 'string' ? new Date(d) : d).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
}

/** The placeholder values of a case for this user. */
export async function placeholderValues(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  actor: Actor,
  caseId: number,
  now = new Date(),
): Promise<{ values: Record<PlaceholderName, string>; categoryCode: string | null }> {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c || !casePolicy.read(actor, c)) throw notFound('未找到该信访事项，或您无权查看');
  const [p] = c.anonymous
    ? []
    : await ctx.db
        .select({ nameEnc: caseParties.nameEnc })
        .from(caseParties)
        .where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, 'petitioner')))
        .limit(1);
  const name = p ? ctx.pii.decrypt(p.nameEnc) : '';
  const unit = await new UnitLookup(ctx.db).unit(ctx.db, c.assignedUnitId ?? c.currentUnitId);
  const clocks = (c.clocks ?? {}) as Clocks;
  const due = clocks.handling?.due ?? c.dueAt;
  return {
    categoryCode: c.categoryCode,
    values: {
      信访人称呼: name ? (casePolicy.viewFullPii(actor, c) ? name : maskName(name)) : '信访人',
      信访件编号: c.caseNumber,
      信访事项: c.subject,
      登记日期: chineseDate(c.receivedAt),
      受理日期: chineseDate(c.acceptedAt),
      办理单位: unit?.name ?? '',
      办结期限: chineseDate(due),
      今天: chineseDate(now),
    },
  };
}

export async function renderForCase(
  ctx: Pick<AppContext, 'db' | 'pii'>,
  actor: Actor,
  body: string,
  caseId: number,
): Promise<string> {
  const { values } = await placeholderValues(ctx, actor, caseId);
  return fillPlaceholders(body, values);
}

/** The content category of a case the user may read (404 otherwise): which texts to offer. */
export async function categoryOfCase(ctx: Pick<AppContext, 'db'>, actor: Actor, caseId: number) {
  const [c] = await ctx.db.select().from(cases).where(eq(cases.id, caseId));
  if (!c || !casePolicy.read(actor, c)) throw notFound('未找到该信访事项，或您无权查看');
  return c.categoryCode;
}
