// 历史数据导入: source rows → matters with their historical dates and states. Two passes: the plan
// (every row checked by src/domain/import, places and bureaus resolved, rows already imported from
// this source skipped), which is all a dry run does; then the writes, in batches, each batch one
// transaction with everything a registration leaves behind: the case rows (numbered by the
// platform's own sequences, search tokens derived as at intake), parties encrypted (ctx.pii) with
// their lookup hashes, the timeline, the source-number link that makes a re-run create nothing,
// the duplicate signatures, the rollups of the days each step happened on (the same computation
// as `analytics rebuild`), and an audit row. A batch that fails leaves nothing of itself.
import { inArray, sql } from 'drizzle-orm';
import { rollupCases } from '../analytics/rollup.ts';
import { recordAudit } from '../audit/chain.ts';
import { casePrefix, caseSequenceName, createCaseSequence } from '../cases/numbering.ts';
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { caseEvents, caseImports, caseParties, cases } from '../db/schema.ts';
import { keepStatistics } from '../db/statistics.ts';
import { ANONYMOUS_ADDRESSEE } from '../domain/anonymity.ts';
import { shanghaiDate } from '../domain/deadlines/index.ts';
import { historyOf } from '../domain/import/history.ts';
import type { ImportMapping } from '../domain/import/mapping.ts';
import { checkRow, type ImportRow } from '../domain/import/rows.ts';
import type { FieldError } from '../domain/validation/result.ts';
import { signatureRow, writeSignatures } from '../duplicates/store.ts';
import { cachedLimitsFor } from '../settings/limits.ts';
import { jsonInsert } from './jsonInsert.ts';
import { type Bureau, loadPlaces } from './places.ts';
import type { SourceSheet } from './read.ts';

export interface RejectedRow {
  rowNo: number;
  sourceNo: string;
  errors: FieldError[];
}

export interface ImportReport {
  source: string;
  dryRun: boolean;
  /** Data rows read from the file. */
  rows: number;
  /** Matters created (a dry run: that would be created). */
  created: number;
  /** Rows whose source number this source already imported (skipped). */
  alreadyImported: number;
  rejected: RejectedRow[];
  /** Rejected rows by the code of their first error. */
  byReason: Record<string, number>;
  /** Months (YYYY-MM) the created matters were registered in. */
  months: string[];
  /** States of the created matters. */
  byState: Record<string, number>;
}

export interface ImportOptions {
  dryRun: boolean;
  /** File name for the audit row (never its contents). */
  file?: string;
  /** Rows per transaction (default 500). */
  batch?: number;
  now?: Date;
  onStart?: (rows: number) => void;
  onProgress?: (rows: number) => void;
}

type Planned = ImportRow & { bureau: Bureau };

/** Checks every row; nothing is written. */
export async function planImport(
  ctx: AppContext,
  sheet: SourceSheet,
  mapping: ImportMapping,
  now: Date,
): Promise<{ good: Planned[]; rejected: RejectedRow[]; alreadyImported: number }> {
  const places = await loadPlaces(ctx.db);
  const existing = new Set(
    (
      await ctx.db
        .select({ no: caseImports.sourceNo })
        .from(caseImports)
        .where(sql`${caseImports.source} = ${mapping.source}`)
    ).map((r) => r.no),
  );
  const good: Planned[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  let alreadyImported = 0;
  for (const { rowNo, cells } of sheet.rows) {
    const r = checkRow(mapping, rowNo, cells, { place: places.place, today: now });
    const sourceNo = r.ok ? r.row.sourceNo : r.sourceNo;
    const errors = r.ok ? [] : [...r.errors];
    const first = sourceNo ? seen.get(sourceNo) : undefined;
    if (first !== undefined)
      errors.unshift({
        code: 'duplicate_source_no',
        field: 'sourceNo',
        message: `原信访件编号与第${first}行重复`,
      });
    else if (sourceNo) seen.set(sourceNo, rowNo);
    const bureau = r.ok ? places.bureauOf(r.row.placeCode) : undefined;
    if (r.ok && !bureau)
      errors.push({ code: 'no_bureau', field: 'place', message: '问题属地及其上级均没有信访部门' });
    if (errors.length) {
      rejected.push({ rowNo, sourceNo, errors });
      continue;
    }
    if (existing.has(sourceNo)) {
      alreadyImported++;
      continue;
    }
    if (r.ok && bureau) good.push({ ...r.row, bureau });
  }
  return { good, rejected, alreadyImported };
}

/** Plans, and unless `dryRun` writes, the import of a read spreadsheet. */
export async function importCases(
  ctx: AppContext,
  sheet: SourceSheet,
  mapping: ImportMapping,
  opts: ImportOptions,
): Promise<ImportReport> {
  const now = opts.now ?? new Date();
  const plan = await planImport(ctx, sheet, mapping, now);
  const report: ImportReport = {
    source: mapping.source,
    dryRun: opts.dryRun,
    rows: sheet.rows.length,
    created: plan.good.length,
    alreadyImported: plan.alreadyImported,
    rejected: plan.rejected,
    byReason: {},
    months: [...new Set(plan.good.map((r) => shanghaiDate(r.receivedAt).slice(0, 7)))].sort(),
    byState: {},
  };
  for (const r of plan.rejected) {
    const code = r.errors[0]?.code ?? 'unknown';
    report.byReason[code] = (report.byReason[code] ?? 0) + 1;
  }
  for (const r of plan.good) report.byState[r.state] = (report.byState[r.state] ?? 0) + 1;
  if (opts.dryRun) return report;

  opts.onStart?.(plan.good.length);
  const size = opts.batch ?? 500;
  const prefixes = new Set<string>();
  for (let i = 0; i < plan.good.length; i += size) {
    const batch = plan.good.slice(i, i + size);
    // Sequences of new prefixes first, each in its own short transaction (src/cases/numbering.ts).
    for (const r of batch) {
      const prefix = prefixOf(r);
      if (!prefixes.has(prefix)) {
        await createCaseSequence(ctx.db, prefix);
        prefixes.add(prefix);
      }
    }
    await ctx.db.transaction((tx) => writeBatch(ctx, tx, batch, mapping, opts, now));
    opts.onProgress?.(batch.length);
    // Let timers and sockets run between batches (the embedded database runs in this thread).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await ctx.db.transaction((tx) =>
    recordAudit(tx, {
      action: 'import.run',
      entity: 'installation',
      summary: {
        source: mapping.source,
        file: opts.file,
        rows: report.rows,
        created: report.created,
        alreadyImported: report.alreadyImported,
        rejected: report.rejected.length,
        byReason: report.byReason,
        months: report.months,
      },
    }),
  );
  // A bulk load: the planner learns the new sizes now (the embedded database has no autovacuum).
  if (plan.good.length > 0) await keepStatistics(ctx.db);
  return report;
}

const prefixOf = (r: Planned) =>
  casePrefix(r.bureau.jurisdictionCode, Number(shanghaiDate(r.receivedAt).slice(0, 4)));

/** Case numbers for the batch, in row order, from each prefix's sequence. */
async function numbersFor(tx: Executor, batch: Planned[]): Promise<string[]> {
  const want = new Map<string, number>();
  for (const r of batch) want.set(prefixOf(r), (want.get(prefixOf(r)) ?? 0) + 1);
  const handed = new Map<string, number[]>();
  for (const [prefix, n] of want) {
    const res = (await tx.execute(
      sql`SELECT nextval(${caseSequenceName(prefix)}::regclass)::int AS n FROM generate_series(1, ${n})`,
    )) as unknown as { rows: { n: number }[] };
    handed.set(
      prefix,
      res.rows.map((x) => Number(x.n)).sort((a, b) => a - b),
    );
  }
  return batch.map((r) => {
    const prefix = prefixOf(r);
    const n = handed.get(prefix)?.shift();
    if (n === undefined) throw new Error(`import: no case number for ${prefix}`);
    return `${prefix}${String(n).padStart(7, '0')}`;
  });
}

async function writeBatch(
  ctx: AppContext,
  tx: Executor,
  batch: Planned[],
  mapping: ImportMapping,
  opts: ImportOptions,
  now: Date,
): Promise<void> {
  const numbers = await numbersFor(tx, batch);
  const built = [];
  for (const [k, r] of batch.entries()) {
    const limits = await cachedLimitsFor(ctx.db, tx, r.bureau.jurisdictionCode);
    const h = historyOf(r, limits, r.bureau.name, now);
    const derived = Object.assign({}, ...ctx.caseExtensions.columns.map((d) => d(r)));
    const anonymous = !r.name && !r.idNumber && !r.phone;
    built.push({
      r,
      h,
      anonymous,
      row: {
        ...derived,
        caseNumber: numbers[k] as string,
        jurisdictionCode: r.placeCode,
        registeringUnitId: r.bureau.id,
        bureauUnitId: r.bureau.id,
        currentUnitId: h.closedAt ? null : r.bureau.id,
        form: r.form,
        purpose: r.purpose,
        categoryCode: r.categoryCode,
        subject: r.subject,
        content: r.content,
        peopleCount: r.peopleCount,
        isGroup: r.form === 'visit' && r.peopleCount >= limits.groupVisitSize,
        anonymous,
        state: h.state,
        outcome: r.state === 'replied' || r.state === 'closed' ? r.outcome : null,
        reasonCode: r.reasonCode,
        clocks: h.clocks,
        dueAt: h.dueAt,
        dueFlag: h.dueFlag,
        receivedAt: r.receivedAt,
        acceptedAt: h.acceptedAt,
        closedAt: h.closedAt,
        version: h.events.length,
        createdAt: r.receivedAt,
        updatedAt: h.updatedAt,
      } satisfies typeof cases.$inferInsert,
    });
  }
  const inserted = (
    (await tx.execute(
      jsonInsert(
        cases,
        built.map((b) => b.row),
        'RETURNING id::int8::text AS id, case_number',
      ),
    )) as unknown as { rows: { id: string; case_number: string }[] }
  ).rows;
  const idOf = new Map(inserted.map((x) => [x.case_number, Number(x.id)]));
  const ids = built.map((b) => idOf.get(b.row.caseNumber) as number);
  const enc = (v: string | null) => (v ? ctx.pii.encrypt(v) : null);
  const hash = (v: string | null) => (v ? ctx.pii.hash(v) : null);
  await tx.execute(
    jsonInsert(
      caseParties,
      built.map(({ r, anonymous }, k) => ({
        caseId: ids[k] as number,
        role: 'petitioner',
        nameEnc: ctx.pii.encrypt(r.name ?? (anonymous ? ANONYMOUS_ADDRESSEE : '未留姓名')),
        idNumberEnc: enc(r.idNumber),
        idNumberHash: hash(r.idNumber),
        phoneEnc: enc(r.phone),
        phoneHash: hash(r.phone),
        addressEnc: enc(r.address),
      })),
    ),
  );
  await tx.execute(
    jsonInsert(
      caseEvents,
      built.flatMap(({ r, h }, k) =>
        h.events.map((e) => ({
          caseId: ids[k] as number,
          at: e.at,
          action: e.action,
          fromState: e.fromState,
          toState: e.toState,
          actorRole: 'registrar',
          actorUnitId: r.bureau.id,
          detail: e.detail,
          public: e.public,
        })),
      ),
    ),
  );
  await tx.execute(
    jsonInsert(
      caseImports,
      built.map(({ r }, k) => ({ source: mapping.source, sourceNo: r.sourceNo, caseId: ids[k] as number })),
    ),
  );
  await writeSignatures(
    tx,
    built.map(({ r }, k) => signatureRow({ id: ids[k] as number, ...r, jurisdictionCode: r.placeCode })),
    { fresh: true },
  );
  // The counts of each step on its own day (registration, acceptance, completion), as the rebuild does.
  await rollupCases(tx, { ids }, { open: true });
  await recordAudit(tx, {
    action: 'import.cases',
    entity: 'case_import',
    entityId: mapping.source,
    summary: {
      source: mapping.source,
      file: opts.file,
      created: ids.length,
      firstRow: batch[0]?.rowNo,
      lastRow: batch.at(-1)?.rowNo,
      caseIds: [Math.min(...ids), Math.max(...ids)],
    },
  });
}

/** Case ids of imported source numbers (tests, support). */
export async function importedCaseIds(exec: Executor, source: string, sourceNos: string[]) {
  const rows = await exec
    .select({ sourceNo: caseImports.sourceNo, caseId: caseImports.caseId })
    .from(caseImports)
    .where(sql`${caseImports.source} = ${source} AND ${inArray(caseImports.sourceNo, sourceNos)}`);
  return new Map(rows.map((r) => [r.sourceNo, r.caseId]));
}
