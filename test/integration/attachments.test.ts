// Attachments (issue 12 tool item 1): photos, PDFs, scans and audio on a matter, at intake and on
// its actions. The type is sniffed from the bytes, each kind has its size limit, images get a
// thumbnail, the bytes and names are encrypted at rest, and the matter's scope decides who sees
// them — a citizen their own, staff who may read the matter, never the accused unit.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentBlobs, attachments, caseEvents } from '../../src/db/schema.ts';
import { DEMO_CITIZEN, GULOU, onlinePetition } from '../helpers/builders.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
const CITIZEN = DEMO_CITIZEN;
beforeAll(async () => {
  h = await startHarness();
  await h.loginAll([CITIZEN, 'gl_registrar', 'gl_handler', 'gl_leader', 'nj_registrar']);
});
afterAll(async () => {
  await h?.close();
});

const photo = (w: number, hgt: number, color: string) =>
  sharp({ create: { width: w, height: hgt, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

interface Part {
  name: string;
  bytes: Buffer;
  type?: string;
}

/** A multipart/form-data body as a browser sends it (each file a part named `file`). */
function multipartBody(parts: Part[]) {
  const boundary = `----xf${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${p.name}"\r\n` +
          `Content-Type: ${p.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      p.bytes,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

const upload = (user: string, caseId: number, parts: Part[], query = '') => {
  const body = multipartBody(parts);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments${query}`,
    headers: { ...h.as(user), 'content-type': body.type },
    payload: body.payload,
  });
};
const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

async function petition(subject: string, jurisdictionCode = GULOU): Promise<number> {
  return (await h.register(CITIZEN, onlinePetition(subject, { jurisdictionCode }))).caseId;
}

describe('a citizen attaches two photos to their petition', () => {
  let caseId = 0;
  let ids: number[] = [];
  let big: Buffer;
  beforeAll(async () => {
    caseId = await petition('小区门口道路破损积水');
    big = await photo(1600, 1200, '#3366aa');
  });

  it('uploads both in one request; the type is read from the bytes, not the client', async () => {
    const small = await photo(200, 150, '#aa3300');
    const res = await upload(CITIZEN, caseId, [
      { name: '路面.jpg', bytes: big, type: 'application/pdf' },
      { name: 'C:\\手机\\积水.jpg', bytes: small, type: 'image/jpeg' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      kind: 'image',
      mime: 'image/jpeg',
      purpose: 'intake',
      name: '路面.jpg',
    });
    expect(items[1].name).toBe('积水.jpg'); // path dropped
    expect(items[0].thumbnailUrl).toMatch(/\/thumbnail$/);
    ids = items.map((i: { id: number }) => i.id);
  });

  it('gets the same bytes back, and a small upright thumbnail', async () => {
    const file = await get(CITIZEN, `/attachments/${ids[0]}/content`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(file.rawPayload, big)).toBe(0);
    const thumb = await get(CITIZEN, `/attachments/${ids[0]}/thumbnail`);
    expect(thumb.statusCode).toBe(200);
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 240, height: 180 });
  });

  it('keeps bytes and names encrypted at rest', async () => {
    const [row] = await h.ctx.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, ids[0] ?? 0));
    expect(row?.nameEnc).not.toContain('路面');
    expect(row?.storage).toBe('db'); // the in-memory and PostgreSQL default
    const [blob] = await h.ctx.db
      .select()
      .from(attachmentBlobs)
      .where(eq(attachmentBlobs.key, row?.blobKey ?? ''));
    const stored = Buffer.from(blob?.content ?? Buffer.alloc(0));
    expect(stored.subarray(0, 4).toString()).toBe('XFE1');
    expect(stored.includes(big.subarray(0, 64))).toBe(false);
  });

  it('staff who may read the matter see them; staff of another county do not (404)', async () => {
    const list = (await get('gl_registrar', `/cases/${caseId}/attachments`)).json().items;
    expect(list.map((i: { id: number }) => i.id)).toEqual(ids);
    expect((await get('gl_registrar', `/attachments/${ids[1]}/content`)).statusCode).toBe(200);
    // A matter in 玄武区: not 鼓楼's.
    const elsewhere = await petition('玄武区某路段占道经营', '320102');
    const up = await upload(CITIZEN, elsewhere, [{ name: 'x.jpg', bytes: await photo(50, 50, '#123456') }]);
    const att = up.json().items[0].id;
    expect((await get('gl_registrar', `/cases/${elsewhere}/attachments`)).statusCode).toBe(404);
    expect((await get('gl_registrar', `/attachments/${att}/content`)).statusCode).toBe(404);
    expect((await get('gl_registrar', `/attachments/${att}/thumbnail`)).statusCode).toBe(404);
    expect((await get('nj_registrar', `/attachments/${att}/content`)).statusCode).toBe(200);
  });

  it("staff records (minutes on an action) are not the citizen's to see; a citizen cannot file them", async () => {
    await h.act('gl_registrar', caseId, 'accept');
    const [event] = await h.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await upload(
      'gl_registrar',
      caseId,
      [{ name: '协调会纪要.pdf', bytes: pdf }],
      `?purpose=minutes&eventId=${event?.id}`,
    );
    expect(res.statusCode, res.body).toBe(201);
    const minutes = res.json().items[0];
    expect(minutes).toMatchObject({
      kind: 'pdf',
      purpose: 'minutes',
      caseEventId: event?.id,
      thumbnailUrl: null,
    });
    const pdfRes = await get('gl_registrar', `/attachments/${minutes.id}/content`);
    expect(pdfRes.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await get('gl_leader', `/cases/${caseId}/attachments`)).json().items).toHaveLength(3);
    const mine = (await get(CITIZEN, `/cases/${caseId}/attachments`)).json().items;
    expect(mine.map((i: { id: number }) => i.id)).toEqual(ids);
    expect((await get(CITIZEN, `/attachments/${minutes.id}/content`)).statusCode).toBe(404);
    const refused = await upload(CITIZEN, caseId, [{ name: 'x.pdf', bytes: pdf }], '?purpose=minutes');
    expect(refused.statusCode).toBe(403);
  });

  it('an action of another matter is a 400', async () => {
    const other = await petition('路灯损坏多日无人修理');
    const [event] = await h.ctx.db.select().from(caseEvents).where(eq(caseEvents.caseId, other));
    const res = await upload(
      'gl_registrar',
      caseId,
      [{ name: 'a.jpg', bytes: await photo(10, 10, '#000') }],
      `?purpose=evidence&eventId=${event?.id}`,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('attachment_event');
  });
});

describe('bad uploads are clear refusals, and keep nothing', () => {
  let caseId = 0;
  beforeAll(async () => {
    caseId = await petition('噪声扰民问题');
  });
  const refused = async (parts: Part[], status: number, code: string) => {
    const before = (await h.ctx.db.select().from(attachments)).length;
    const res = await upload(CITIZEN, caseId, parts);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await h.ctx.db.select().from(attachments)).length).toBe(before);
  };

  it('a program or a text file claiming to be a photo: 415', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), randomBytes(2000)]);
    await refused([{ name: 'photo.jpg', bytes: exe, type: 'image/jpeg' }], 415, 'attachment_type');
    await refused([{ name: 'a.txt', bytes: Buffer.from('你好'.repeat(50)) }], 415, 'attachment_type');
  });

  it('one bad file refuses the whole upload (the good photo beside it is not kept)', async () => {
    const good = await photo(20, 20, '#fff');
    await refused(
      [
        { name: 'ok.jpg', bytes: good },
        { name: 'bad.svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') },
      ],
      415,
      'attachment_type',
    );
  });

  it('an image over 10 MB: 413 naming the limit; an empty file: 400', async () => {
    const jpegMagic = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
    const huge = Buffer.concat([jpegMagic, Buffer.alloc(10 * 1024 * 1024)]);
    await refused([{ name: 'big.jpg', bytes: huge }], 413, 'attachment_too_large');
    await refused([{ name: 'empty.jpg', bytes: Buffer.alloc(0) }], 400, 'attachment_empty');
  });

  it('a file beyond the largest kind is cut off while streaming: 413', async () => {
    await refused(
      [{ name: 'huge.mp3', bytes: Buffer.alloc(31 * 1024 * 1024, 1) }],
      413,
      'attachment_too_large',
    );
  });

  it('a NUL or only a path in the name: 400', async () => {
    const good = await photo(20, 20, '#fff');
    await refused([{ name: 'a\u0000.jpg', bytes: good }], 400, 'attachment_name');
    await refused([{ name: '../', bytes: good }], 400, 'attachment_name');
  });

  it('more than 10 files: 413', async () => {
    const good = await photo(8, 8, '#fff');
    const parts = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.jpg`, bytes: good }));
    await refused(parts, 413, 'attachment_too_many');
  });

  it('not multipart, or an unknown purpose: 4xx with the error shape', async () => {
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/attachments`,
      headers: h.as(CITIZEN),
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('attachment_multipart');
    const purpose = await upload(
      CITIZEN,
      caseId,
      [{ name: 'a.jpg', bytes: await photo(8, 8, '#000') }],
      '?purpose=x%00',
    );
    expect(purpose.statusCode).toBe(400);
  });

  it("someone else's matter is a 404 to a citizen", async () => {
    const staffCase = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('gl_registrar'),
      payload: {
        form: 'letter',
        subject: '物业费争议',
        content: '物业公司乱收费，请求查处。',
        jurisdictionCode: '320106',
        petitioner: { name: '李四', phone: '13811112222' },
      },
    });
    const id = staffCase.json().caseId;
    expect(
      (await upload(CITIZEN, id, [{ name: 'a.jpg', bytes: await photo(8, 8, '#000') }])).statusCode,
    ).toBe(404);
    expect((await get(CITIZEN, `/cases/${id}/attachments`)).statusCode).toBe(404);
  });
});

describe('an accusation: its attachments never reach the accused unit', () => {
  it('the accused bureau (鼓楼区信访局) gets 404 for the list, the file and the thumbnail', async () => {
    const units = (await get('gl_registrar', '/jurisdictions/320106')).json().units as {
      id: number;
      name: string;
    }[];
    const glBureau = units.find((u) => u.name === '鼓楼区信访局')?.id;
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/cases',
      headers: h.as('nj_registrar'),
      payload: {
        form: 'letter',
        purpose: 'accusation',
        categoryCode: '010000',
        subject: '举报区信访局工作人员推诿刁难',
        content: '举报区信访局工作人员推诿刁难，收受好处，请求查处。',
        jurisdictionCode: '320106',
        petitioner: { name: '李明', phone: '13812345678' },
        accused: [{ personName: '赵刚', position: '科员', unitId: glBureau }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().caseId;
    const up = await upload('nj_registrar', id, [
      { name: '举报信扫描.jpg', bytes: await photo(300, 400, '#eee') },
    ]);
    expect(up.statusCode, up.body).toBe(201);
    const att = up.json().items[0].id;
    for (const u of ['gl_registrar', 'gl_leader']) {
      expect((await get(u, `/cases/${id}/attachments`)).statusCode, u).toBe(404);
      expect((await get(u, `/attachments/${att}/content`)).statusCode, u).toBe(404);
      expect((await get(u, `/attachments/${att}/thumbnail`)).statusCode, u).toBe(404);
      const tried = await upload(u, id, [{ name: 'x.jpg', bytes: await photo(8, 8, '#000') }]);
      expect(tried.statusCode, u).toBe(404);
    }
    expect((await get('nj_registrar', `/attachments/${att}/content`)).statusCode).toBe(200);
  });
});

describe('the data-dir backend (the embedded default)', () => {
  it('writes encrypted content-addressed files under <data>/attachments, once per content', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xf-att-'));
    const saved = { store: h.ctx.config.attachmentStore, dataDir: h.ctx.config.dataDir };
    // The running platform switched to the files backend: new uploads go there, older rows stay readable.
    Object.assign(h.ctx.config, { attachmentStore: 'fs', dataDir: dir });
    try {
      const caseId = await petition('农田灌溉用水纠纷');
      const img = await photo(640, 480, '#228833');
      const res = await upload(CITIZEN, caseId, [
        { name: 'a.jpg', bytes: img },
        { name: 'b.jpg', bytes: img },
      ]);
      expect(res.statusCode, res.body).toBe(201);
      const [a, b] = res.json().items;
      const rows = await h.ctx.db.select().from(attachments).where(eq(attachments.caseId, caseId));
      expect(rows.map((r) => r.storage)).toEqual(['fs', 'fs']);
      expect(rows[0]?.blobKey).toBe(rows[1]?.blobKey);
      const file = path.join(dir, 'attachments', rows[0]?.blobKey.slice(0, 2) ?? '', rows[0]?.blobKey ?? '');
      const onDisk = fs.readFileSync(file);
      expect(onDisk.subarray(0, 4).toString()).toBe('XFE1');
      expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const back = await get(CITIZEN, `/attachments/${b.id}/content`);
      expect(Buffer.compare(back.rawPayload, img)).toBe(0);
      expect((await get(CITIZEN, `/attachments/${a.id}/thumbnail`)).statusCode).toBe(200);
    } finally {
      Object.assign(h.ctx.config, { attachmentStore: saved.store, dataDir: saved.dataDir });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
