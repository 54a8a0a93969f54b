// The 台账 (ledger): every identified backlog matter of a scope with its level, responsible unit,
// leader, plan status, days open, deadline and standards met, and 化解率 (化解 ÷ 认定) by the
// jurisdictions one level below; as JSON for the console and as an Excel workbook in the layout of
// a 积案化解台账 (title row, numbered rows; a second sheet with the rates).
import { and, eq, inArray, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { UnitLookup } from '../cases/units.ts';
import type { AppContext } from '../context.ts';
import { backlogChecks, backlogMatters, backlogSteps, cases, units } from '../db/schema.ts';
import { daysOpen, planStatus, type RateRow, resolutionRates } from '../domain/backlog/ledger.ts';
import {
  type BacklogLevel,
  type BacklogStatus,
  IDENTIFIED_STATUSES,
  LEVEL_NAMES,
  STATUS_NAMES,
} from '../domain/backlog/states.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { AppError, forbidden } from '../errors.ts';
import { safeCell } from '../exports/cells.ts';
import { type Actor, backlogPolicy, backlogScope } from '../policies/backlog.ts';

export const LEDGER_CAP = 5000;

export interface LedgerRow {
  id: number;
  caseId: number;
  caseNumber: string;
  subject: string;
  jurisdictionCode: string;
  place: string;
  level: string | null;
  levelName: string | null;
  responsibleUnit: string | null;
  leaders: string[];
  status: string;
  statusName: string;
  plan: { total: number; done: number; overdue: number; label: string };
  standardsMet: number;
  identifiedAt: string | null;
  deadline: string | null;
  overdue: boolean;
  daysOpen: number | null;
  resolvedAt: string | null;
}

export interface Ledger {
  scope: { code: string; name: string };
  total: RateRow & { name: string };
  byJurisdiction: (RateRow & { name: string })[];
  rows: LedgerRow[];
  truncated: boolean;
}

/** Leaders per matter (领导包案): filled by the 包案 capability when present. */
export type LeadersOf = (ctx: AppContext, matterIds: number[]) => Promise<Map<number, string[]>>;

export async function buildLedger(
  ctx: AppContext,
  actor: Actor,
  scopeCode: string | undefined,
  opts: { now?: Date; leaders?: LeadersOf } = {},
): Promise<Ledger> {
  const code = scopeCode ?? actor.jurisdictionCode ?? '';
  if (!backlogPolicy.use(actor) || actor.unitKind !== 'bureau') throw forbidden('您没有权限查看积案台账');
  if (!backlogPolicy.ledger(actor, code))
    throw new AppError(403, 'forbidden_scope', '只能查看本辖区的积案台账');
  const now = opts.now ?? new Date();
  const prefix = code.replace(/(00)+$/, '').padEnd(2, '0');
  const found = await ctx.db
    .select({
      m: backlogMatters,
      caseNumber: cases.caseNumber,
      subject: cases.subject,
      unitName: units.name,
    })
    .from(backlogMatters)
    .innerJoin(cases, eq(cases.id, backlogMatters.caseId))
    .leftJoin(units, eq(units.id, backlogMatters.responsibleUnitId))
    .where(
      and(
        backlogScope(actor),
        like(backlogMatters.jurisdictionCode, `${prefix}%`),
        inArray(backlogMatters.status, [...IDENTIFIED_STATUSES]),
      ),
    )
    .orderBy(backlogMatters.jurisdictionCode, backlogMatters.identifiedAt, backlogMatters.id)
    .limit(LEDGER_CAP + 1);
  const truncated = found.length > LEDGER_CAP;
  const list = found.slice(0, LEDGER_CAP);
  const ids = list.map((r) => r.m.id);
  const [steps, checks, leaders] = ids.length
    ? await Promise.all([
        ctx.db
          .select({
            matterId: backlogSteps.matterId,
            dueDate: backlogSteps.dueDate,
            doneAt: backlogSteps.doneAt,
          })
          .from(backlogSteps)
          .where(inArray(backlogSteps.matterId, ids)),
        ctx.db
          .select({ matterId: backlogChecks.matterId, signedAt: backlogChecks.signedAt })
          .from(backlogChecks)
          .where(inArray(backlogChecks.matterId, ids)),
        opts.leaders ? opts.leaders(ctx, ids) : Promise.resolve(new Map<number, string[]>()),
      ])
    : [[], [], new Map<number, string[]>()];
  const today = shanghaiDate(now);
  const { rows: rates, total } = resolutionRates(
    list.map((r) => ({ jurisdictionCode: r.m.jurisdictionCode, status: r.m.status as BacklogStatus })),
    code,
  );
  const lookup = new UnitLookup(ctx.db);
  const names = await lookup.jurisdictionNames(ctx.db, [
    code,
    ...rates.map((r) => r.code),
    ...list.map((r) => r.m.jurisdictionCode),
  ]);
  const rows: LedgerRow[] = list.map(({ m, caseNumber, subject, unitName }) => {
    const status = m.status as BacklogStatus;
    const resolved = status === 'resolved';
    return {
      id: m.id,
      caseId: m.caseId,
      caseNumber,
      subject,
      jurisdictionCode: m.jurisdictionCode,
      place: names.get(m.jurisdictionCode) ?? m.jurisdictionCode,
      level: m.level,
      levelName: m.level ? (LEVEL_NAMES[m.level as BacklogLevel] ?? m.level) : null,
      responsibleUnit: unitName,
      leaders: leaders.get(m.id) ?? [],
      status,
      statusName: STATUS_NAMES[status],
      plan: planStatus(
        steps
          .filter((s) => s.matterId === m.id)
          .map((s) => ({ dueDate: s.dueDate, done: s.doneAt !== null })),
        today,
      ),
      standardsMet: checks.filter((c) => c.matterId === m.id && c.signedAt).length,
      identifiedAt: m.identifiedAt?.toISOString() ?? null,
      deadline: m.deadline,
      overdue: !resolved && m.deadline !== null && m.deadline < today,
      daysOpen: daysOpen(m.identifiedAt, m.resolvedAt, now),
      resolvedAt: m.resolvedAt?.toISOString() ?? null,
    };
  });
  return {
    scope: { code, name: names.get(code) ?? code },
    total: { ...total, name: names.get(code) ?? code },
    byJurisdiction: rates.map((r) => ({ ...r, name: names.get(r.code) ?? r.code })),
    rows,
    truncated,
  };
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const day = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) : '');

const LEDGER_COLUMNS = [
  { header: '序号', key: 'n', width: 6 },
  { header: '信访件编号', key: 'caseNumber', width: 20 },
  { header: '问题属地', key: 'place', width: 12 },
  { header: '反映问题', key: 'subject', width: 36 },
  { header: '积案级别', key: 'level', width: 9 },
  { header: '责任单位', key: 'unit', width: 24 },
  { header: '包案领导', key: 'leaders', width: 16 },
  { header: '认定日期', key: 'identifiedAt', width: 12 },
  { header: '化解期限', key: 'deadline', width: 12 },
  { header: '化解方案', key: 'plan', width: 14 },
  { header: '七条标准', key: 'standards', width: 9 },
  { header: '积案天数', key: 'days', width: 9 },
  { header: '办理状态', key: 'status', width: 12 },
  { header: '化解日期', key: 'resolvedAt', width: 12 },
] as const;

/** The ledger as an Excel workbook: 台账 (title, header, one numbered row per matter) and 化解率. */
export async function ledgerXlsx(l: Ledger, now = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '阳光信访';
  wb.created = now;
  const ws = wb.addWorksheet('积案化解台账', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const width = LEDGER_COLUMNS.length;
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = safeCell(`${l.scope.name}信访积案化解工作台账`);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = safeCell(
    `统计时间：${shanghaiDate(now)}　认定积案 ${l.total.identified} 件，已化解 ${l.total.resolved} 件，化解率 ${pct(l.total.rate)}`,
  );
  const header = ws.getRow(3);
  LEDGER_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  l.rows.forEach((r, i) => {
    const row: Record<string, string | number> = {
      n: i + 1,
      caseNumber: r.caseNumber,
      place: r.place,
      subject: r.subject,
      level: r.levelName ?? '',
      unit: r.responsibleUnit ?? '',
      leaders: r.leaders.join('、'),
      identifiedAt: day(r.identifiedAt),
      deadline: r.deadline ?? '',
      plan: r.plan.total ? `${r.plan.label}（${r.plan.done}/${r.plan.total}）` : r.plan.label,
      standards: `${r.standardsMet}/7`,
      days: r.daysOpen ?? '',
      status: r.overdue ? `${r.statusName}（逾期）` : r.statusName,
      resolvedAt: day(r.resolvedAt),
    };
    ws.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, safeCell(v)])));
  });
  if (l.truncated) ws.addRow([`只导出了前 ${LEDGER_CAP} 件`]).font = { italic: true };

  const rs = wb.addWorksheet('化解率');
  rs.columns = [
    { header: '地区', key: 'name', width: 16 },
    { header: '认定积案', key: 'identified', width: 10 },
    { header: '已化解', key: 'resolved', width: 10 },
    { header: '未化解', key: 'open', width: 10 },
    { header: '化解率', key: 'rate', width: 10 },
  ];
  rs.getRow(1).font = { bold: true };
  for (const r of [...l.byJurisdiction, { ...l.total, name: '合计' }])
    rs.addRow({ ...r, name: safeCell(r.name), rate: pct(r.rate) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
