// The demo data has inbox items and canned texts (first demo start, `xinfang seed`): three letters
// assigned to 鼓楼区住建局 and one 督办, so gl_handler's bell shows four unread items, on matters
// they can open; 鼓楼区住建局 has a reply and a note text that fill from a matter, and so have the
// city's and the province's 住建 (常用语 are per unit). Seeding twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedInbox } from '../../src/seed/inbox.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let seeded = { items: 0, replies: 0 };

beforeAll(async () => {
  h = await startHarness();
  seeded = await seedInbox(h.ctx);
  await h.loginAll(['gl_handler', 'nj_handler', 'js_handler']);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const get = (user: string, url: string) => h.app.inject({ url: `/api/v1${url}`, headers: h.as(user) });

describe('demo inbox and canned replies', () => {
  it('gives the handler unread items on matters they can open', async () => {
    // Three texts (two for 住建, one for the bureau) at each of the three demo levels.
    expect(seeded.replies).toBe(9);
    expect(seeded.items).toBe(4);
    expect((await get('gl_handler', '/inbox/count')).json().unread).toBe(4);
    const items = (await get('gl_handler', '/inbox')).json().items;
    expect(items.map((i: { kind: string }) => i.kind).sort()).toEqual([
      'assignment',
      'assignment',
      'assignment',
      'supervision',
    ]);
    for (const i of items) expect((await get('gl_handler', `/cases/${i.caseId}`)).statusCode).toBe(200);
  });

  it('gives 鼓楼区住建局 texts that fill from a matter', async () => {
    const items = (await get('gl_handler', '/inbox')).json().items;
    const texts = (await get('gl_handler', '/canned-replies')).json().items;
    expect(texts.map((t: { title: string }) => t.title).sort()).toEqual(
      ['已电话联系信访人', '物业维修类答复'].sort(),
    );
    const note = texts.find((t: { purpose: string }) => t.purpose === 'note');
    const r = await h.app.inject({
      method: 'POST',
      url: `/api/v1/canned-replies/${note.id}/render`,
      headers: h.as('gl_handler'),
      payload: { caseId: items[0].caseId },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().text).not.toContain('{');
  });

  it('gives the city and the province 住建 the same texts', async () => {
    for (const user of ['nj_handler', 'js_handler']) {
      const texts = (await get(user, '/canned-replies')).json().items;
      expect(texts.map((t: { title: string }) => t.title).sort()).toEqual(
        ['已电话联系信访人', '物业维修类答复'].sort(),
      );
    }
  });

  it('adds nothing when run again', async () => {
    expect(await seedInbox(h.ctx)).toEqual({ items: 0, replies: 0 });
  });
});
