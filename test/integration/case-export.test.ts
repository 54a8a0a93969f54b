// Excel export of the staff list: a real workbook (opened with exceljs), the list's filters and the
// caller's data scope, jurisdiction names instead of codes, a Chinese file name, and the 10,000 cap.

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_CAP } from '../../src/cases/export.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const t: Record<string, string> = {};

async function register(user: string, jurisdictionCode: string, subject: string, form = 'letter') {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: bearer(t[user] ?? ''),
    payload: {
      form,
      subject,
      content: '来信人反映其房屋征收补偿款至今未足额发放，请求依法解决。',
      jurisdictionCode,
      petitioner: { name: '李四', phone: '13811112222', idNumber: '11010519491231002X' },
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { caseId: number; caseNumber: string };
}

async function exportAs(user: string, query = '') {
  const res = await h.app.inject({
    url: `/api/v1/cases/export.xlsx?${query}`,
    headers: bearer(t[user] ?? ''),
  });
  return res;
}

async function sheetOf(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: string[][] = [];
  ws.eachRow((r) => {
    rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
  });
  return { name: ws.name, header: rows[0] ?? [], rows: rows.slice(1) };
}

beforeAll(async () => {
  h = await startHarness();
  for (const u of ['gl_registrar', 'nj_registrar', 'gl_handler', 'gl_auditor', '13900000001'])
    t[u] = await h.login(u);
  await register('gl_registrar', '320106', '鼓楼来信一');
  await register('gl_registrar', '320106', '鼓楼来访一', 'visit');
  await register('nj_registrar', '320102', '玄武来信一');
});
afterAll(async () => {
  await h?.close();
});

describe('GET /api/v1/cases/export.xlsx', () => {
  it('is a workbook of the caller’s list, with names, a Chinese file name and no personal data', async () => {
    const res = await exportAs('gl_registrar', 'title=待受理');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const cd = String(res.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="cases-\d{12}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("''")[1] ?? '')).toMatch(/^信访事项-待受理-\d{12}\.xlsx$/);
    expect(res.headers['x-export-total']).toBe('2');

    const s = await sheetOf(res.rawPayload);
    expect(s.name).toBe('信访事项');
    expect(s.header).toEqual([
      '信访件编号',
      '标题',
      '状态',
      '信访形式',
      '问题属地',
      '属地代码',
      '收到时间',
      '期限',
      '剩余天数',
      '标识',
    ]);
    // 鼓楼区 sees its two matters, not 玄武区's; newest first like the list.
    expect(s.rows.map((r) => r[1])).toEqual(['鼓楼来访一', '鼓楼来信一']);
    expect(s.rows.every((r) => r[4] === '鼓楼区' && r[5] === '320106')).toBe(true);
    expect(s.rows[0]?.[3]).toBe('来访');
    expect(s.rows[0]?.[0]).toMatch(/^\d{16,19}$/); // the case number as text, every digit kept
    const all = s.rows.flat().join(' ');
    expect(all).not.toMatch(/李四|13811112222|11010519491231002X/);
  });

  it('applies the list filters and the wider scope of the city bureau', async () => {
    const visits = await sheetOf((await exportAs('gl_registrar', 'form=visit')).rawPayload);
    expect(visits.rows.map((r) => r[1])).toEqual(['鼓楼来访一']);
    const city = await sheetOf((await exportAs('nj_registrar', 'sort=caseNumber&order=asc')).rawPayload);
    expect(city.rows.map((r) => r[1]).sort()).toEqual(['玄武来信一', '鼓楼来信一', '鼓楼来访一'].sort());
    expect(city.rows.find((r) => r[1] === '玄武来信一')?.[4]).toBe('玄武区');
  });

  it('shows jurisdiction names in the list too', async () => {
    const res = await h.app.inject({ url: '/api/v1/cases', headers: bearer(t.nj_registrar ?? '') });
    const names = res.json().items.map((c: { jurisdictionName: string }) => c.jurisdictionName);
    expect(names.sort()).toEqual(['玄武区', '鼓楼区', '鼓楼区']);
  });

  it('is for staff who read matters only and checks the filters like the list', async () => {
    expect((await exportAs('13900000001')).statusCode).toBe(403);
    // An auditor reads the audit log, not matters: refused, not handed an empty workbook.
    const auditor = await exportAs('gl_auditor');
    expect(auditor.statusCode).toBe(403);
    expect(auditor.json().error.message).toContain('仅办理信访事项的工作人员');
    const bad = await exportAs('gl_registrar', 'jurisdiction=32');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/行政区划代码/);
    expect((await h.app.inject({ url: '/api/v1/cases/export.xlsx' })).statusCode).toBe(401);
  });

  it(`stops at ${EXPORT_CAP} rows and says how many matched`, async () => {
    // Copies of an existing matter with new numbers: quicker than 10,000 registrations.
    await h.ctx.db.execute(sql`
      insert into cases (case_number, jurisdiction_code, registering_unit_id, bureau_unit_id,
                         current_unit_id, form, subject, content, state, received_at)
      select '9' || lpad(g::text, 17, '0'), jurisdiction_code, registering_unit_id, bureau_unit_id,
             current_unit_id, form, '批量' || g, content, state, received_at - (g || ' minutes')::interval
      from cases, generate_series(1, ${EXPORT_CAP}) g
      where subject = '鼓楼来信一'`);
    const res = await exportAs('gl_registrar');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-export-total']).toBe(String(EXPORT_CAP + 2));
    expect(res.headers['x-export-rows']).toBe(String(EXPORT_CAP));
    const s = await sheetOf(res.rawPayload);
    const data = s.rows.filter((r) => /^\d{16,19}$/.test(r[0] ?? ''));
    expect(data).toHaveLength(EXPORT_CAP);
    expect(s.rows.at(-1)?.[0]).toMatch(/共 10002 件，超过导出上限 10,000 件，仅导出前 10000 件/);
  });

  it('neutralises text that a spreadsheet would take for a formula', async () => {
    const subjects = [
      '=HYPERLINK("http://evil.example","点击查看")',
      '+1+cmd|/c calc',
      '-2+3 反映',
      '@SUM(A1:A9)',
    ];
    for (const subject of subjects) await register('nj_registrar', '320111', subject);
    const s = await sheetOf((await exportAs('nj_registrar', 'jurisdiction=320111')).rawPayload);
    expect(s.rows.map((r) => r[1]).sort()).toEqual(subjects.map((x) => `'${x}`).sort());
    // Written as text, never as a formula.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await exportAs('nj_registrar', 'jurisdiction=320111')).rawPayload as unknown as ArrayBuffer,
    );
    wb.worksheets[0]?.eachRow((r, n) => {
      if (n > 1) expect(r.getCell(2).type).toBe(ExcelJS.ValueType.String);
    });
  });
});
