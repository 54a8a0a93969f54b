// The demo data has machine clients (first demo start, `xinfang seed`): an active and a revoked API
// key of 鼓楼区, and a paused webhook subscription with two dead letters to replay. Seeding twice
// adds nothing; the demo keys' secrets are never known, so they authenticate nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCases } from '../../src/seed/cases.ts';
import { seedInterop } from '../../src/seed/interop.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let seeded = { keys: 0, deadLetters: 0 };

beforeAll(async () => {
  h = await startHarness();
  // 鼓楼区 must hold at least two matters whatever the date: with 300 matters over 95 counties it
  // held one on some days (the dead letters are its two most recent).
  await seedCases(h.ctx.db, h.ctx.pii, { count: 300, seed: 7, places: { '32': 1, '320106': 20 } });
  seeded = await seedInterop(h.ctx);
  await h.loginAll(['gl_admin']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as('gl_admin') });

describe('demo machine clients', () => {
  it('lists an active and a revoked key, a paused subscription and its dead letters', async () => {
    expect(seeded).toEqual({ keys: 2, deadLetters: 2 });
    const keys = (await get('/api-keys')).json().items;
    expect(
      keys.map((k: { name: string; revokedAt: string | null }) => [k.name, k.revokedAt === null]),
    ).toEqual(
      expect.arrayContaining([
        ['12345热线对接', true],
        ['住建局业务系统（已停用）', false],
      ]),
    );
    const subs = (await get('/webhooks')).json().items;
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ active: false, counts: { dead: 2, pending: 0, delivered: 0 } });
    const dead = (await get('/webhooks/deliveries?status=dead')).json().items;
    expect(dead).toHaveLength(2);
    expect(dead[0].caseNumber).toMatch(/^320106/);
  });

  it('seeding again adds nothing', async () => {
    expect(await seedInterop(h.ctx)).toEqual({ keys: 0, deadLetters: 0 });
    expect((await get('/api-keys')).json().items).toHaveLength(2);
  });
});
