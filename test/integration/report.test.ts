// The monthly special report (专报) on a seeded database: drafted through the API, edited, issued,
// downloaded as Word and PDF with the four sections and embedded charts, free of personal data,
// and opened by LibreOffice (`libreoffice --headless --convert-to pdf`) without errors.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties } from '../../src/db/schema.ts';
import { chineseDate } from '../../src/documents/format.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { DEMO_CITIZEN } from '../../src/seed/demo.ts';
import { bearer, type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-11-10T02:00:00Z');
let h: Harness;
let analyst: string;
let tmp: string;

/** docx is a zip: entry name → bytes (stored or deflated entries). */
function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const files = new Map<string, Buffer>();
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + zip.readUInt32LE(p + 20));
    files.set(
      zip.toString('utf8', p + 46, p + 46 + nameLen),
      zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : raw,
    );
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return files;
}

/**
 * The heights (pixel rows) of the coloured areas of a rendered page (binary PPM from pdftoppm):
 * rows holding saturated pixels, grouped when less than 20 rows apart. Text is black; charts are not.
 */
function colouredBlockHeights(ppm: Buffer): number[] {
  const header = ppm.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('not a binary PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const data = ppm.subarray(header[0].length);
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    let saturated = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 60) saturated++;
    }
    if (saturated >= 3) rows.push(y);
  }
  const blocks: number[] = [];
  let start = -1;
  let last = -100;
  for (const y of rows) {
    if (y - last >= 20) {
      if (start >= 0) blocks.push(last - start + 1);
      start = y;
    }
    last = y;
  }
  if (start >= 0) blocks.push(last - start + 1);
  return blocks;
}

/** The text of document.xml's runs, joined. */
const docText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  h = await startHarness();
  await seedCases(h.ctx.db, h.ctx.pii, { count: 3000, seed: 11, now: NOW });
  analyst = await h.login('js_analyst');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-report-'));
}, 180_000);
afterAll(async () => {
  await h?.close();
  if (tmp && !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

async function draft(token: string, body: Record<string, unknown>) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/reports/monthly',
    headers: bearer(token),
    payload: body,
  });
}

async function download(token: string, id: number, format: 'docx' | 'pdf') {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/reports/${id}/download?format=${format}`,
    headers: bearer(token),
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.rawPayload;
}

describe('monthly special report', () => {
  let id: number;
  let docx: Buffer;

  it('drafts the report for a seeded month with figures, problems, forecast and suggestions', async () => {
    const res = await draft(analyst, { month: '2026-10' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    id = r.id;
    expect(r.title).toBe('关于2026年10月全省信访形势的专报');
    expect(r.status).toBe('draft');
    // 信访总量 counts registrations (件次) received in October, Asia/Shanghai: new matters plus repeat
    // petitions linked to an open matter — checked against a direct count over cases and events.
    const direct = (await h.ctx.db.execute(sql`
      SELECT (SELECT count(*) FROM cases WHERE received_at >= '2026-10-01T00:00:00+08:00'
                AND received_at < '2026-11-01T00:00:00+08:00')
           + (SELECT count(*) FROM case_events WHERE action = 'link_repeat'
                AND (detail->>'receivedAt')::timestamptz >= '2026-10-01T00:00:00+08:00'
                AND (detail->>'receivedAt')::timestamptz < '2026-11-01T00:00:00+08:00') AS n`)) as unknown as {
      rows: { n: string | number }[];
    };
    expect(r.data.situation.current.total).toBe(Number(direct.rows[0]?.n));
    expect(r.data.situation.current.total).toBeGreaterThan(50);
    expect(r.data.trend).toHaveLength(13);
    expect(r.data.trend.at(-1)).toMatchObject({ period: '2026-10', total: r.data.situation.current.total });
    expect(r.data.breakdowns.byJurisdiction.map((x: { label: string }) => x.label)).toContain('南京市');
    expect(r.data.forecast.nextMonth.period).toBe('2026-11');
    const f = r.data.forecast.nextMonth;
    expect(f.lo95).toBeLessThanOrEqual(f.lo80);
    expect(f.lo80).toBeLessThanOrEqual(f.mean);
    expect(f.hi80).toBeLessThanOrEqual(f.hi95);
    expect(r.sections.situation).toContain(`共登记信访事项${r.data.situation.current.total}件`);
    expect(r.sections.suggestions).toMatch(/^（一）/);
    // Repeat petitioners appear as counts by category only.
    for (const x of r.data.problems.repeatByCategory)
      expect(Object.keys(x).sort()).toEqual(['categoryCode', 'label', 'repeats', 'share']);
  });

  it('keeps edits to the texts while a draft, and lists the report in scope only', async () => {
    const res = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${id}`,
      headers: bearer(analyst),
      payload: { sections: { suggestions: '（一）建议加强城乡建设领域专项治理（分析员修改）。' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sections.suggestions).toContain('分析员修改');
    expect(res.json().sections.situation).toContain('共登记信访事项');
    const list = await h.app.inject({ method: 'GET', url: '/api/v1/reports', headers: bearer(analyst) });
    expect(list.json().items.map((x: { id: number }) => x.id)).toContain(id);
    const nj = await h.login('nj_analyst');
    const njList = await h.app.inject({ method: 'GET', url: '/api/v1/reports', headers: bearer(nj) });
    expect(njList.json().items).toEqual([]);
    const njRead = await h.app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: bearer(nj) });
    expect(njRead.statusCode).toBe(404);
  });

  it('writes a Word file with the four sections, embedded charts and no personal data', async () => {
    docx = await download(analyst, id, 'docx');
    const files = unzip(docx);
    const media = [...files.keys()].filter((k) => /^word\/media\/.+\.png$/.test(k));
    expect(media).toHaveLength(4);
    for (const m of media) expect(files.get(m)?.subarray(1, 4).toString()).toBe('PNG');
    const text = docText(files.get('word/document.xml')?.toString('utf8') ?? '');
    expect(text).toContain('关于2026年10月全省信访形势的专报');
    for (const heading of ['一、基本情况', '二、存在的问题', '三、趋势预测', '四、意见建议'])
      expect(text).toContain(heading);
    expect(text.indexOf('一、基本情况')).toBeLessThan(text.indexOf('四、意见建议'));
    expect(text).toContain('分析员修改');
    expect(text).toContain('（草稿）');
    // No petitioner's name, ID number or phone (decrypted from the seeded parties), nor the demo citizen.
    const parties = await h.ctx.db.select().from(caseParties).limit(300);
    const secrets = [DEMO_CITIZEN.name, DEMO_CITIZEN.phone];
    for (const p of parties) {
      secrets.push(h.ctx.pii.decrypt(p.nameEnc));
      if (p.idNumberEnc) secrets.push(h.ctx.pii.decrypt(p.idNumberEnc));
      if (p.phoneEnc) secrets.push(h.ctx.pii.decrypt(p.phoneEnc));
    }
    const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
    for (const s of secrets.filter((x) => x.length >= 2))
      expect(xml.includes(s), `personal data "${s}" in report`).toBe(false);
    // The same report downloads as the same bytes.
    expect((await download(analyst, id, 'docx')).equals(docx)).toBe(true);
  });

  it('opens in LibreOffice: libreoffice --headless --convert-to pdf succeeds', () => {
    const which = spawnSync('sh', ['-c', 'command -v libreoffice || command -v soffice'], {
      encoding: 'utf8',
    });
    const bin = which.stdout.trim();
    if (which.status !== 0 || bin === '')
      throw new Error(
        'LibreOffice is not installed: apt-get install -y --no-install-recommends libreoffice-writer-nogui ' +
          '(.ci/run installs it). This test checks that the report opens in LibreOffice.',
      );
    const file = path.join(tmp, 'report.docx');
    fs.writeFileSync(file, docx);
    // A private profile: parallel runs of LibreOffice must not share (and lock) one.
    const profile = `file://${path.join(tmp, 'lo-profile')}`;
    execFileSync(
      bin,
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, file],
      {
        stdio: 'pipe',
        timeout: 120_000,
      },
    );
    const pdf = fs.readFileSync(path.join(tmp, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The four charts came through as images.
    expect(pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    // …and each is shown whole, not cut to a strip one text line high (a picture in a paragraph of
    // exact 28 pt line spacing is clipped to that line): on the rendered pages, four coloured areas
    // (the charts' series) at least half an inch tall; a clipped chart leaves a strip of 0.1 inch.
    const dpi = 40;
    execFileSync('pdftoppm', ['-r', String(dpi), path.join(tmp, 'report.pdf'), path.join(tmp, 'page')], {
      stdio: 'pipe',
      timeout: 60_000,
    });
    const pages = fs.readdirSync(tmp).filter((f) => /^page-\d+\.ppm$/.test(f));
    const heights = pages.sort().flatMap((f) => colouredBlockHeights(fs.readFileSync(path.join(tmp, f))));
    expect(heights.filter((h) => h >= dpi / 2).length, `coloured block heights: ${heights}`).toBe(4);
  }, 150_000);

  it('writes a PDF with the Chinese font embedded and text extractable (ToUnicode)', async () => {
    const pdf = await download(analyst, id, 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const s = pdf.toString('latin1');
    expect(s).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoS(ans|erif)CJKsc-/);
    expect(s).toMatch(/\/FontFile[23]? /);
    expect(s).toContain('/ToUnicode');
    expect(s.match(/\/Subtype \/Image/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  });

  it('serves the chart images for the preview', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/${id}/charts/forecast`,
      headers: bearer(analyst),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
  });

  it('is issued by a leader, not an analyst, and is final once issued', async () => {
    const denied = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/issue`,
      headers: bearer(analyst),
    });
    expect(denied.statusCode).toBe(403);
    const leader = await h.login('js_leader');
    const issued = await h.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/issue`,
      headers: bearer(leader),
    });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
    const edit = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${id}`,
      headers: bearer(leader),
      payload: { sections: { problems: '改' } },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('report_issued');
    const text = docText(
      unzip(await download(leader, id, 'docx'))
        .get('word/document.xml')
        ?.toString('utf8') ?? '',
    );
    expect(text).not.toContain('（草稿）');
    // Dated the day it was issued, in Beijing time and Chinese numerals (二〇二七年一月一日 just after
    // midnight on New Year's Day, while UTC is still in 2026; chineseDate has its own unit test).
    expect(text).toContain(chineseDate(new Date(issued.json().issuedAt)));
  });

  it('keeps drafting to analysts, leaders and admins within their jurisdiction', async () => {
    const nj = await h.login('nj_analyst');
    const outside = await draft(nj, { month: '2026-10', scope: '320000' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden_scope');
    const own = await draft(nj, { month: '2026-10' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().title).toBe('关于2026年10月全市信访形势的专报');
    for (const who of ['js_handler', 'js_registrar', DEMO_CITIZEN.phone]) {
      const res = await draft(await h.login(who), { month: '2026-10' });
      expect(res.statusCode, who).toBe(403);
    }
    const bad = await draft(analyst, { month: '2026-13' });
    expect(bad.statusCode).toBe(400);
  });
});
