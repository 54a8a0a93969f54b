// The monthly 通报 on a seeded database with backlog matters: drafted through the API, the cities
// ranked on the scorecard with the backlog ledger's own counts, commendations and criticisms named,
// edited, issued by a leader, downloaded as Word and PDF without personal data; scoped like the 专报.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseParties } from '../../src/db/schema.ts';
import { SCORECARD } from '../../src/domain/bulletins/scorecard.ts';
import { seedBacklog } from '../../src/seed/backlog.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

const NOW = new Date('2026-11-10T02:00:00Z');
let h: Harness;
let tmp: string;

beforeAll(async () => {
  h = await startHarness({ cases: { count: 1500, seed: 7, now: NOW } });
  await seedBacklog(h.ctx, { seed: 7, now: NOW });
  await h.loginAll(['js_analyst', 'js_leader', 'nj_supervisor', 'nj_leader']);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-bulletin-'));
}, 180_000);
afterAll(async () => {
  await h?.close();
  if (tmp && !process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
});

const call = (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  h.app.inject({ method, url: `/api/v1${url}`, headers: h.as(user), payload });

/** The text of a docx's document.xml runs (the zip's entry, stored or deflated). */
function docxText(zip: Buffer): string {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const nameLen = zip.readUInt16LE(p + 28);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === 'word/document.xml') {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + zip.readUInt32LE(p + 20));
      const xml = (zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : raw).toString('utf8');
      return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  throw new Error('no word/document.xml');
}

interface Row {
  code: string;
  name: string;
  score: number | null;
  rank: number | null;
  backlogIdentified: number;
  backlogResolved: number;
  backlogResolutionRate: number | null;
  timelyAcceptanceRate: number | null;
  onTimeCompletionRate: number | null;
  satisfactionRate: number | null;
  repeatRate: number | null;
}

describe('monthly bulletin (月通报)', () => {
  let id: number;
  let rows: Row[];

  it('ranks the cities on the scorecard, with the backlog ledger’s counts', async () => {
    const res = await call('js_analyst', 'POST', '/bulletins', { month: '2026-10' });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    id = b.id;
    expect(b.title).toBe('关于2026年10月全省信访工作情况的通报');
    expect(b.status).toBe('draft');
    rows = b.data.rows;
    expect(rows.length).toBe(13);
    expect(rows.every((r) => r.name.endsWith('市'))).toBe(true);
    // Best first; a rank is shared only by an equal score.
    const ranked = rows.filter((r) => r.rank !== null);
    expect(ranked.length).toBeGreaterThan(5);
    for (let i = 1; i < ranked.length; i++) {
      const [a, c] = [ranked[i - 1] as Row, ranked[i] as Row];
      expect(a.score as number).toBeGreaterThanOrEqual(c.score as number);
      expect(a.rank as number).toBeLessThanOrEqual(c.rank as number);
    }
    expect(ranked[0]?.rank).toBe(1);
    // The score is the weighted mean of the scorecard's metrics that have a basis (a hand check of
    // the first city, written out here rather than calling the function under test).
    const top = ranked[0] as Row;
    let sum = 0;
    let w = 0;
    for (const m of SCORECARD) {
      const v = top[m.key];
      if (v === null) continue;
      sum += m.weight * (m.better === 'higher' ? v : 1 - v);
      w += m.weight;
    }
    expect(top.score).toBeCloseTo((sum / w) * 100, 1);
    // Backlog counts per city are the ledger's.
    const ledger = (await call('js_analyst', 'GET', '/backlog/ledger')).json();
    for (const l of ledger.byJurisdiction as { code: string; identified: number; resolved: number }[]) {
      const r = rows.find((x) => x.code === l.code);
      expect(r, l.code).toBeDefined();
      expect([r?.backlogIdentified, r?.backlogResolved]).toEqual([l.identified, l.resolved]);
    }
    expect(b.data.total.backlogIdentified).toBe(ledger.total.identified);
  });

  it('drafts the sections: the ranking in words, who is commended and who is criticised', async () => {
    const b = (await call('js_analyst', 'GET', `/bulletins/${id}`)).json();
    const first = rows.find((r) => r.rank === 1) as Row;
    expect(b.sections.ranking).toContain(`第1名${first.name}（${first.score}分）`);
    expect(b.sections.overview).toContain(`累计认定积案${b.data.total.backlogIdentified}件`);
    const commended = b.data.findings.filter((f: { kind: string }) => f.kind === 'commend');
    const criticised = b.data.findings.filter((f: { kind: string }) => f.kind === 'criticise');
    expect(commended.length + criticised.length).toBeGreaterThan(0);
    for (const f of commended) expect(b.sections.commendations).toContain(f.text);
    for (const f of criticised) expect(b.sections.shortfalls).toContain(f.text);
    // The bottom two of the ranking are named when at least five are ranked.
    const ranked = rows.filter((r) => r.rank !== null);
    const last = ranked.at(-1) as Row;
    expect(b.sections.shortfalls).toContain(last.name);
  });

  it('is edited as a draft, issued by a leader only, then final', async () => {
    const edit = await call('js_analyst', 'PUT', `/bulletins/${id}`, {
      sections: { requirements: '（一）各地要于11月20日前报送整改情况。' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json().sections.requirements).toBe('（一）各地要于11月20日前报送整改情况。');
    const denied = await call('js_analyst', 'POST', `/bulletins/${id}/issue`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.message).toContain('通报须由领导或管理员签发');
    const issued = await call('js_leader', 'POST', `/bulletins/${id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().status).toBe('issued');
    const late = await call('js_analyst', 'PUT', `/bulletins/${id}`, { sections: { overview: 'x' } });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('report_issued');
  });

  it('downloads as Word and PDF with the ranking table and no personal data', async () => {
    const word = await call('js_analyst', 'GET', `/bulletins/${id}/download?format=docx`);
    expect(word.statusCode).toBe(200);
    fs.writeFileSync(path.join(tmp, 'bulletin.docx'), word.rawPayload);
    const text = docxText(word.rawPayload);
    expect(text).toContain('关于2026年10月全省信访工作情况的通报');
    expect(text).toContain('〔2026〕第10期');
    expect(text).toContain('各设区市信访局，省各有关部门：');
    expect(text).toContain('综合评分');
    expect(text).toContain('各地要于11月20日前报送整改情况');
    for (const r of rows) expect(text).toContain(r.name);
    const parties = await h.ctx.db.select().from(caseParties).limit(300);
    for (const p of parties) {
      const name = h.ctx.pii.decrypt(p.nameEnc);
      if (name.length >= 2) expect(text.includes(name), `petitioner ${name} in bulletin`).toBe(false);
      if (p.phoneEnc) expect(text).not.toContain(h.ctx.pii.decrypt(p.phoneEnc));
    }
    const pdf = await call('js_analyst', 'GET', `/bulletins/${id}/download?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    const file = path.join(tmp, 'bulletin.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const pdfText = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(pdfText).toContain('信访工作情况的通报');
    expect(pdfText).toContain((rows[0] as Row).name);
  }, 60_000);

  it('is scoped like the 专报: a city sees its own, ranks its counties; 专报 and 通报 stay apart', async () => {
    expect((await call('nj_supervisor', 'GET', `/bulletins/${id}`)).statusCode).toBe(404);
    expect((await call('js_analyst', 'GET', `/reports/${id}`)).statusCode).toBe(404);
    const reports = (await call('js_analyst', 'GET', '/reports')).json();
    expect(reports.items.some((r: { id: number }) => r.id === id)).toBe(false);
    const city = await call('nj_leader', 'POST', '/bulletins', { month: '2026-10' });
    expect(city.statusCode, city.body).toBe(201);
    const c = city.json();
    expect(c.title).toBe('关于2026年10月全市信访工作情况的通报');
    expect(c.data.rows.length).toBeGreaterThan(5);
    expect(c.data.rows.every((r: Row) => r.code.startsWith('3201'))).toBe(true);
    const other = await call('nj_leader', 'POST', '/bulletins', { month: '2026-10', scope: '320200' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden_scope');
    const bad = await call('nj_leader', 'POST', '/bulletins', { month: '2026-13' });
    expect(bad.statusCode).toBe(400);
  });
});
