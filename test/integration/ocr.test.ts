// 来信识别 over HTTP (POST /api/v1/ocr/letters) on the real engine: a registrar uploads a rendered
// letter and gets its text and the suggested fields; who may not; what is not an image, not a
// readable one or too large is a clear 4xx; and nothing of the letter reaches the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logging.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { greyPng, renderLetter, SAMPLE_LETTERS } from '../helpers/letters.ts';

let h: Harness;
const logLines: string[] = [];
const letter = SAMPLE_LETTERS[0];
const page = renderLetter(letter);

beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logLines.push(String(chunk));
      cb();
    },
  });
  h = await startHarness({ log: createLogger('info', stream) });
  await h.loginAll(['gl_registrar', 'gl_handler', 'gl_supervisor', 'gl_analyst', '13900000001']);
});
afterAll(async () => {
  await h?.close();
});

const scan = (who: string, payload: Buffer | string, type = 'image/png') =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/ocr/letters',
    headers: { ...h.as(who), 'content-type': type },
    payload,
  });

describe('a registrar scans a letter', () => {
  it('gets the text and the fields to confirm; the log has neither', async () => {
    const res = await scan('gl_registrar', page);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.text).toContain('供暖');
    expect(body.fields).toMatchObject({
      subject: letter.subject,
      name: letter.name,
      phone: letter.phone,
      address: letter.address,
    });
    expect(body.fields.content).toContain('保障居民正常供暖');
    expect(body.width).toBe(1240);

    const log = logLines.join('');
    expect(log).toContain('letter recognised');
    for (const secret of [letter.name, letter.phone, '供暖', '华山路']) expect(log).not.toContain(secret);
  });

  it('a department handler who registers the letters sent to it may scan too', async () => {
    const res = await scan('gl_handler', page);
    expect(res.statusCode).toBe(200);
    expect(res.json().fields.phone).toBe(letter.phone);
  });
});

describe('who may not, and what is refused', () => {
  it('citizens, bureau supervisors and analysts may not; anonymous callers must log in', async () => {
    for (const who of ['13900000001', 'gl_supervisor', 'gl_analyst']) {
      const res = await scan(who, page);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.message).toMatch(/权限/);
    }
    const anon = await h.app.inject({
      method: 'POST',
      url: '/api/v1/ocr/letters',
      headers: { 'content-type': 'image/png' },
      payload: page,
    });
    expect(anon.statusCode).toBe(401);
  });

  it('bytes that are not PNG or JPEG, whatever the header says, are a 400 naming the formats', async () => {
    for (const [payload, type] of [
      [Buffer.from('%PDF-1.7 not an image'), 'image/png'],
      [Buffer.alloc(0), 'image/jpeg'],
    ] as const) {
      const res = await scan('gl_registrar', payload, type);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'ocr_image_type', field: 'image' });
      expect(res.json().error.message).toContain('PNG 或 JPEG');
    }
    const json = await h.app.inject({
      method: 'POST',
      url: '/api/v1/ocr/letters',
      headers: h.as('gl_registrar'),
      payload: { image: 'x' },
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('ocr_image_type');
  });

  it('a PNG header with a broken body is a 422 from the engine, not a 500', async () => {
    const broken = Buffer.concat([page.subarray(0, 64), Buffer.alloc(200, 7)]);
    const res = await scan('gl_registrar', broken);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ocr_unreadable');
  });

  it('a page declared larger than the limit is refused before decoding; a body over 10 MB is a 413', async () => {
    const huge = Buffer.from(greyPng(new Uint8Array(4), 2, 2));
    huge.writeUInt32BE(9000, 16); // IHDR width
    const res = await scan('gl_registrar', huge);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ocr_image_size');

    const big = await scan('gl_registrar', Buffer.alloc(10 * 1024 * 1024 + 1, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
