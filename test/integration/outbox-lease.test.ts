// A dispatch pass never sends a row it may no longer hold: with several API processes, a row whose
// lease ran out can be claimed by another one, so a pass that could outlast its lease (a batch of
// sends, each allowed the gateway's full timeout) starts a send only while the lease still covers
// it and hands the rest of the batch back at once (src/jobs/lease.ts). Here the lease is shorter
// than one gateway timeout: each pass sends exactly one row and leaves the others due, untouched.
import { and, eq, inArray } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.ts';
import { Dispatcher } from '../../src/notify/dispatcher.ts';
import { enqueueSms } from '../../src/notify/outbox.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the outbox lease budget', () => {
  it('a pass sends only what its lease covers and hands the rest back due', async () => {
    const keys = ['lease:1', 'lease:2', 'lease:3'];
    for (const [i, key] of keys.entries())
      await enqueueSms(h.ctx.db, h.ctx.pii, {
        phone: `1380000000${i}`,
        template: 'generic',
        body: `测试短信 ${i}`,
        idempotencyKey: key,
      });
    const mine = inArray(outbox.idempotencyKey, keys);
    const sink = memorySink();
    // A 1 s lease against the gateways' 10 s timeout: only the first send of a pass fits.
    const d = new Dispatcher(h.ctx.db, h.ctx.pii, sink, pino({ level: 'silent' }), { leaseMs: 1000 });
    // Passes only when called here: a running dispatcher kicks another pass itself after handing
    // rows back, which would race the checks between the passes.
    await d.stop();
    const pending = async () =>
      h.ctx.db
        .select({ key: outbox.idempotencyKey, attempts: outbox.attempts, next: outbox.nextAttemptAt })
        .from(outbox)
        .where(and(mine, eq(outbox.status, 'pending')));

    for (let pass = 1; pass <= 3; pass++) {
      expect(await d.runOnce()).toBe(1);
      expect(sink.sent.map((m) => m.idempotencyKey)).toEqual(keys.slice(0, pass));
      const left = await pending();
      expect(left.map((r) => r.key).sort()).toEqual(keys.slice(pass));
      // Handed back as they were: no attempt counted, due now for the next pass on any process.
      for (const r of left) {
        expect(r.attempts).toBe(0);
        expect(r.next.getTime()).toBeLessThanOrEqual(Date.now());
      }
    }
    const sent = await h.ctx.db.select({ status: outbox.status }).from(outbox).where(mine);
    expect(sent.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });
});
