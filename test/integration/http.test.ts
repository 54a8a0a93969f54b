import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ demo: false });
});
afterAll(async () => {
  await h?.close();
});

describe('platform basics', () => {
  it('reports health with the database kind and version', async () => {
    const res = await h.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      db: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it('answers readiness from the database', async () => {
    const res = await h.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes an OpenAPI document and the Swagger UI', async () => {
    const doc = (await h.app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3/);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/jurisdictions',
        '/api/v1/cases/{id}',
        '/healthz',
      ]),
    );
    const ui = await h.app.inject({ url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('lists the 13 cities of Jiangsu under 320000', async () => {
    const res = await h.app.inject({ url: '/api/v1/jurisdictions?parent=320000' });
    const items = res.json().items;
    expect(items).toHaveLength(13);
    expect(items[0]).toMatchObject({ code: '320100', name: '南京市', level: 2, childCount: 11 });
    const top = (await h.app.inject({ url: '/api/v1/jurisdictions' })).json().items;
    expect(top.map((j: { code: string }) => j.code)).toEqual(['320000']);
    const gulou = (await h.app.inject({ url: '/api/v1/jurisdictions/320106' })).json();
    expect(gulou.units.map((u: { name: string }) => u.name)).toContain('鼓楼区信访局');
  });

  it('answers bad input with a Chinese, machine-readable 4xx', async () => {
    const bad = await h.app.inject({ url: '/api/v1/jurisdictions?parent=32' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'invalid_request', field: 'parent' });
    expect(bad.json().error.message).toMatch(/行政区划代码/);

    const json = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('invalid_json');

    const missing = await h.app.inject({ url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(401); // private by default: no hint of what exists
    const unknown = await h.app.inject({ url: '/no/such/page' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });

  it('survives the database server dropping idle connections', async () => {
    const pool = h.ctx.database.pool;
    if (pool) {
      // Warm several idle clients, then have the server terminate them all.
      await Promise.all([1, 2, 3].map(() => h.app.inject({ url: '/readyz' })));
      // The pool drops each idle client the server ends ('remove'): wait for all of them to go.
      let idle = pool.idleCount;
      const dropped = new Promise<void>((resolve) => {
        if (idle === 0) resolve();
        pool.on('remove', () => {
          if (--idle === 0) resolve();
        });
      });
      const killer = new (await import('pg')).default.Client({ connectionString: process.env.DATABASE_URL });
      await killer.connect();
      await killer.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'.replace(
          'current_database()',
          `'${new URL(pool.options.connectionString ?? '').pathname.slice(1)}'`,
        ),
      );
      await killer.end();
      await dropped;
    }
    const res = await h.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
  });

  it('hides the demo accounts when demo mode is off', async () => {
    expect((await h.app.inject({ url: '/api/v1/auth/demo-accounts' })).statusCode).toBe(404);
  });
});
