// 历史数据导入 end to end: a generated 10,000-row spreadsheet with a few bad rows of each kind → the
// dry run lists exactly those rows with their reasons and writes nothing; the real run creates the
// good rows (history, encrypted parties, search, signatures, rollups of their own months); a
// re-run creates nothing new.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumRollups } from '../../src/analytics/indicators.ts';
import { checkMapping, type ImportMapping } from '../../src/domain/import/mapping.ts';
import { idNumberCheckDigit } from '../../src/domain/validation/idNumber.ts';
import { type ImportReport, importCases, importedCaseIds } from '../../src/import/cases.ts';
import { reportLines } from '../../src/import/cli.ts';
import { readSourceFile, type SourceSheet } from '../../src/import/read.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const mappingJson = JSON.parse(readFileSync('test/fixtures/import/mapping.json', 'utf8')) as {
  columns: Record<string, string>;
};
const ROWS = 10_000;
const HEADERS = Object.keys(mappingJson.columns);
const PLACES = ['320106', '320102', '南京市玄武区', '320104', '江苏省南京市鼓楼区'];
const CATEGORIES = ['城建', '劳动保障', '环保', '060000', '民政'];

let h: Harness;
let dir: string;
let mapping: ImportMapping;
let sheet: SourceSheet;
/** Spreadsheet row → the reason code it must be rejected for. */
const bad = new Map<number, string>();
/** The good rows as generated (for the expected counts). */
const good: { place: string; received: string; replied: string | null; state: string }[] = [];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const idNumber = (k: number) => {
  const first17 = `320106${1950 + (k % 50)}0${1 + (k % 9)}1${k % 10}${pad(k % 1000, 3)}`;
  return first17 + idNumberCheckDigit(first17);
};
const day = (base: number, plus: number) => {
  const d = new Date(Date.UTC(2024, 0, 1) + (base + plus) * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const placeCode = (p: string) =>
  ({ 南京市玄武区: '320102', 江苏省南京市鼓楼区: '320106' })[p as '南京市玄武区'] ?? p;

/** The generated source: mostly closed matters over 2024–2025, some still open, some refused. */
async function writeSource(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('历史件');
  ws.addRow(HEADERS);
  const kinds = ['invalid_id_number_checksum', 'unknown_place', 'unknown_category', 'date_order'];
  for (let k = 0; k < ROWS; k++) {
    const rowNo = k + 2;
    const base = (k * 7) % 640;
    const state = k % 10 === 0 ? '待受理' : k % 10 === 1 ? '已受理' : k % 17 === 2 ? '不予受理' : '已办结';
    const place = PLACES[k % PLACES.length] as string;
    const row: Record<string, string> = {
      原信访件编号: `GL-${pad(k, 6)}`,
      登记日期: day(base, 0),
      受理日期: state === '待受理' || state === '不予受理' ? '' : day(base, 3),
      答复日期: state === '已办结' ? day(base, 30) : '',
      办结日期: state === '已办结' ? day(base, 40) : state === '不予受理' ? day(base, 5) : '',
      办理状态: state,
      信访形式: k % 3 === 0 ? '来访' : '来信',
      信访目的: '求决',
      内容分类: CATEGORIES[k % CATEGORIES.length] as string,
      问题属地: place,
      标题: `历史事项${k}：小区${k % 97}号楼违章搭建`,
      主要内容: `反映小区${k % 97}号楼业主违章搭建阳光房，影响采光和消防通道，请求依法拆除。`,
      信访人: `王${k}`,
      身份证号: k % 4 === 0 ? '' : idNumber(k),
      联系电话: `138${pad(k, 8)}`,
      处理结果: state === '已办结' ? '支持' : '',
    };
    // Three bad rows of each kind, spread through the file.
    const kind = k % 797 === 5 && bad.size < 12 ? kinds[bad.size % 4] : undefined;
    if (kind === 'invalid_id_number_checksum') {
      const id = idNumber(k);
      row.身份证号 = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    } else if (kind === 'unknown_place') row.问题属地 = '火星市';
    else if (kind === 'unknown_category') row.内容分类 = '外星人入侵';
    else if (kind === 'date_order') {
      Object.assign(row, { 办理状态: '已办结', 受理日期: '', 答复日期: '', 办结日期: day(base, -2) });
    }
    if (kind) bad.set(rowNo, kind);
    else
      good.push({
        place: placeCode(place),
        received: row.登记日期 as string,
        replied: row.答复日期 || null,
        state,
      });
    ws.addRow(HEADERS.map((c) => row[c] ?? ''));
  }
  await wb.xlsx.writeFile(file);
}

const scalar = async (q: ReturnType<typeof sql>) =>
  Number(((await h.ctx.db.execute(q)) as unknown as { rows: { n: string | number }[] }).rows[0]?.n);
const countCases = () => scalar(sql`SELECT count(*) AS n FROM cases`);

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), 'xinfang-import-'));
  const r = checkMapping(mappingJson);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  mapping = r.mapping;
  const file = join(dir, '历史件.xlsx');
  await writeSource(file);
  sheet = await readSourceFile(file);
}, 300_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const month = async (prefix: string, m: string) =>
  (
    await sumRollups(h.ctx.db, {
      prefix,
      range: { from: `${m}-01`, to: `${m}-${m === '2024-06' ? '30' : '31'}` },
      groupBy: 'none',
    })
  ).get('');

describe('历史数据导入', () => {
  let dry: ImportReport;

  it('reads the generated spreadsheet: every row, ID numbers as text', () => {
    expect(sheet.rows).toHaveLength(ROWS);
    expect(bad.size).toBe(12);
    expect(sheet.rows[1]?.cells.身份证号).toMatch(/^\d{17}[\dX]$/);
  });

  it('the dry run lists exactly the bad rows with their reasons and creates nothing', async () => {
    const before = await countCases();
    dry = await importCases(h.ctx, sheet, mapping, { dryRun: true });
    expect(dry.rejected.map((r) => r.rowNo).sort((a, b) => a - b)).toEqual(
      [...bad.keys()].sort((a, b) => a - b),
    );
    for (const r of dry.rejected) expect(r.errors.map((e) => e.code)).toContain(bad.get(r.rowNo));
    expect(dry.created).toBe(ROWS - 12);
    expect(dry.byReason).toEqual({
      invalid_id_number_checksum: 3,
      unknown_place: 3,
      unknown_category: 3,
      date_order: 3,
    });
    expect(await countCases()).toBe(before);
    expect(await scalar(sql`SELECT count(*) AS n FROM case_imports`)).toBe(0);
    const text = reportLines(dry).join('\n');
    expect(text).toContain('试运行');
    expect(text).toMatch(/第 \d+ 行（原编号 GL-\d+）：身份证号码校验位不正确/);
    expect(text).toMatch(/办结日期（\d{4}-\d\d-\d\d）早于登记日期/);
  });

  it('the real run creates the good rows with their history; a re-run creates nothing new', async () => {
    const before = await countCases();
    const june = await month('320106', '2024-06');
    const started = performance.now();
    const real = await importCases(h.ctx, sheet, mapping, { dryRun: false, file: '历史件.xlsx' });
    const secs = (performance.now() - started) / 1000;
    console.info(
      `import: ${real.created} rows in ${secs.toFixed(1)} s = ${Math.round(real.created / secs)} rows/s (${h.ctx.database.kind})`,
    );
    expect(real.created).toBe(ROWS - 12);
    expect(await countCases()).toBe(before + ROWS - 12);

    // Imported matters count in the months of their own dates (the rollups of those days).
    const expectJune = (key: 'received' | 'replied') =>
      good.filter((g) => g.place === '320106' && g[key]?.startsWith('2024-06')).length;
    const after = await month('320106', '2024-06');
    expect((after?.total ?? 0) - (june?.total ?? 0)).toBe(expectJune('received'));
    expect((after?.completed ?? 0) - (june?.completed ?? 0)).toBe(expectJune('replied'));

    // One closed matter from a past month, as stored.
    const ids = await importedCaseIds(h.ctx.db, mapping.source, ['GL-000015']);
    const id = ids.get('GL-000015') as number;
    const [c] = (
      (await h.ctx.db.execute(
        sql`SELECT state, received_at, closed_at, search_tokens FROM cases WHERE id = ${id}`,
      )) as unknown as {
        rows: {
          state: string;
          received_at: Date | string;
          closed_at: Date | string;
          search_tokens: string;
        }[];
      }
    ).rows;
    expect(c?.state).toBe('closed');
    expect(new Date(c?.received_at as string).toISOString()).toBe('2024-04-15T01:00:00.000Z');
    expect(new Date(c?.closed_at as string).toISOString()).toBe('2024-05-25T01:00:00.000Z');
    expect(c?.search_tokens).toContain('违章');
    const events = (
      (await h.ctx.db.execute(
        sql`SELECT action FROM case_events WHERE case_id = ${id} ORDER BY at, id`,
      )) as unknown as {
        rows: { action: string }[];
      }
    ).rows.map((e) => e.action);
    expect(events).toEqual(['register', 'accept', 'reply', 'close']);
    // Personal data encrypted at rest, found by its lookup hash; a signature for duplicates.
    const party = (
      (await h.ctx.db.execute(
        sql`SELECT name_enc, id_number_enc, id_number_hash FROM case_parties WHERE case_id = ${id}`,
      )) as unknown as { rows: { name_enc: string; id_number_enc: string; id_number_hash: string }[] }
    ).rows[0];
    expect(party?.name_enc).not.toContain('王15');
    expect(h.ctx.pii.decrypt(party?.name_enc as string)).toBe('王15');
    expect(h.ctx.pii.decrypt(party?.id_number_enc as string)).toBe(idNumber(15));
    expect(party?.id_number_hash).toBe(h.ctx.pii.hash(idNumber(15)));
    expect(await scalar(sql`SELECT count(*) AS n FROM case_signatures WHERE case_id = ${id}`)).toBe(1);
    // A staff search by the full ID number finds it (the lookup hash).
    await h.loginAll(['gl_registrar']);
    const found = await h.app.inject({
      url: `/api/v1/cases?q=${idNumber(15)}`,
      headers: h.as('gl_registrar'),
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((x: { id: number }) => x.id)).toContain(id);
    // The run's audit rows.
    expect(await scalar(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'import.run'`)).toBe(1);

    const again = await importCases(h.ctx, sheet, mapping, { dryRun: false });
    expect(again.created).toBe(0);
    expect(again.alreadyImported).toBe(ROWS - 12);
    expect(again.rejected).toHaveLength(12);
    expect(await countCases()).toBe(before + ROWS - 12);
  }, 600_000);

  it('reads the CSV example (UTF-8, text kept as typed) and rejects its bad row', async () => {
    const csv = await readSourceFile('test/fixtures/import/example.csv');
    expect(csv.rows[0]?.cells.身份证号).toBe('320106198001011233');
    const r = await importCases(h.ctx, csv, { ...mapping, source: 'csv-example' }, { dryRun: true });
    expect(r.created).toBe(3);
    expect(r.rejected.map((x) => [x.rowNo, x.errors[0]?.code])).toEqual([[5, 'date_order']]);
  });
});
