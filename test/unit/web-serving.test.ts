// How Fastify serves the Vite build (src/server/web.ts): SPA fallback per app, HTML never cached,
// hashed assets cached for a year and sent precompressed, and a clear message instead of a blank
// page when not built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerHome, registerWebApps, webBuilt } from '../../src/server/web.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xf-web-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('web apps from web/dist', () => {
  it('answers 503 with the build hint (Chinese and English) when web/dist is missing', async () => {
    const dist = join(dir, 'missing');
    expect(webBuilt(dist)).toBe(false);
    const app = Fastify();
    await registerWebApps(app, dist);
    const res = await app.inject({ url: '/portal/cases' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build:web');
    expect(res.body).toContain('网页尚未构建');
    await app.close();
  });

  it('serves index.html for every path of an app, no-cache; assets immutable', async () => {
    const dist = join(dir, 'dist');
    for (const a of ['portal', 'console', 'screen']) {
      await mkdir(join(dist, a), { recursive: true });
      await writeFile(join(dist, a, 'index.html'), `<!doctype html><title>${a}</title>`);
    }
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'assets', 'portal-abc123.js'), 'console.log(1)');
    expect(webBuilt(dist)).toBe(true);
    const app = Fastify();
    await registerWebApps(app, dist);
    for (const [url, title] of [
      ['/portal/', 'portal'],
      ['/portal/cases/12', 'portal'],
      ['/console/cases', 'console'],
      ['/screen/', 'screen'],
    ] as const) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain(`<title>${title}</title>`);
    }
    const redirect = await app.inject({ url: '/console' });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe('/console/');
    const js = await app.inject({ url: '/assets/portal-abc123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/nope.js' })).statusCode).toBe(404);
    await app.close();
  });

  it('sends the build’s brotli or gzip copy to browsers that accept it, the file to others', async () => {
    const dist = join(dir, 'dist-compressed');
    for (const a of ['portal', 'console', 'screen']) {
      await mkdir(join(dist, a), { recursive: true });
      await writeFile(join(dist, a, 'index.html'), `<!doctype html><title>${a}</title>`);
    }
    await mkdir(join(dist, 'assets'), { recursive: true });
    const source = `export const 标题 = '${'阳光信访'.repeat(2000)}';`;
    const file = join(dist, 'assets', 'console-def456.js');
    await writeFile(file, source);
    await writeFile(`${file}.br`, brotliCompressSync(source));
    await writeFile(`${file}.gz`, gzipSync(source));
    const app = Fastify();
    await registerWebApps(app, dist);
    const url = '/assets/console-def456.js';
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(source.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(source);
    const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(source);
    const plain = await app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(source);
    await app.close();
  });

  it('serves the map’s boundaries (a hashed .json asset) as JSON, precompressed and immutable', async () => {
    const dist = join(dir, 'dist-geo');
    for (const a of ['portal', 'console', 'screen']) {
      await mkdir(join(dist, a), { recursive: true });
      await writeFile(join(dist, a, 'index.html'), `<!doctype html><title>${a}</title>`);
    }
    await mkdir(join(dist, 'assets'), { recursive: true });
    const geo = JSON.stringify({
      cities: { type: 'FeatureCollection', features: [] },
      note: '江苏'.repeat(500),
    });
    const file = join(dist, 'assets', 'jiangsu-0a1b2c.json');
    await writeFile(file, geo);
    await writeFile(`${file}.br`, brotliCompressSync(geo));
    const app = Fastify();
    await registerWebApps(app, dist);
    const res = await app.inject({
      url: '/assets/jiangsu-0a1b2c.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString())).toEqual(JSON.parse(geo));
    await app.close();
  });

  it('sends the site root to the citizen portal and /login to the staff login of the console', async () => {
    const app = Fastify();
    registerHome(app);
    const root = await app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/portal/');
    const login = await app.inject({ url: '/login' });
    expect(login.statusCode).toBe(302);
    expect(login.headers.location).toBe('/console/login');
    await app.close();
  });
});
