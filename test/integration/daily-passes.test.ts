import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_PASSES, type DailyPass, logPassOutcomes, runPasses } from '../../src/jobs/passes.ts';
import { startScheduler } from '../../src/jobs/scheduler.ts';
import { type Harness, startHarness } from '../helpers/harness.ts';
import { captureLog } from '../helpers/logCapture.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const JOBS = [
  'warning_scan',
  'backlog_candidates',
  'supervision_escalation',
  'reception_reminders',
  'monitoring_digests',
  'calendar_check',
  'intake_reclassify',
  'partition_maintenance',
  'webhook_deliveries',
];

describe('daily passes', () => {
  it('the table runs the scan, the candidates, the escalation, the digests, the partitions, then the webhooks', () => {
    expect(DAILY_PASSES.map((p) => p.job)).toEqual(JOBS);
    expect(DAILY_PASSES.filter((p) => p.evenIfAborted).map((p) => p.job)).toEqual(['warning_scan']);
  });

  it('the scheduler logs the sweep, then one summary line per pass', async () => {
    const { log, lines, logged } = captureLog();
    const s = startScheduler({ ...h.ctx, log }, { initialDelayMs: 0, intervalMs: 600_000 });
    await logged(1 + JOBS.length);
    await s.stop();
    expect(lines.map((l) => l.job)).toEqual(['deadline_sweep', ...JOBS]);
    expect(lines.every((l) => l.level === 30)).toBe(true);
    const msgs = lines.map((l) => String(l.msg));
    expect(msgs[1]).toMatch(/^预警扫描完成 \/ warning scan done: 新增预警 \d+, 保障期日报 \d+$/);
    expect(msgs[2]).toMatch(/^积案候选完成 \/ backlog candidates: 新增 \d+$/);
    expect(msgs[3]).toMatch(/^督办催办完成 \/ supervision escalation: 催办 \d+, 升级 \d+$/);
    expect(msgs[4]).toMatch(/^接访预约提醒完成 \/ reception reminders: 提醒 \d+$/);
    expect(msgs[5]).toMatch(/^日监测晨报完成 \/ monitoring digests: \d+$/);
    expect(lines[5]).toHaveProperty('written');
  });

  it('a failing pass is logged as an error and the passes after it still run', async () => {
    const ran: string[] = [];
    const row = (job: string, fail = false): DailyPass => ({
      job,
      zh: '测试',
      en: job,
      run: async () => {
        ran.push(job);
        if (fail) throw new Error('boom', { cause: new Error('relation "x" does not exist') });
        return { n: 1 };
      },
      summary: () => `${job}: 1`,
    });
    const outcomes = await runPasses(h.ctx, new Date(), undefined, [row('a'), row('b', true), row('c')]);
    expect(ran).toEqual(['a', 'b', 'c']);
    const { log, lines } = captureLog();
    logPassOutcomes(log, outcomes);
    expect(lines.map((l) => [l.level, l.job])).toEqual([
      [30, 'a'],
      [50, 'b'],
      [30, 'c'],
    ]);
    expect(lines[0]).toMatchObject({ n: 1, msg: '测试完成 / a: 1' });
    expect(lines[1]).toMatchObject({ msg: '测试失败 / b failed: relation "x" does not exist' });
  });

  it('once the signal is aborted only the passes marked to run anyway still run', async () => {
    const ran: string[] = [];
    const row = (job: string, evenIfAborted = false): DailyPass => ({
      job,
      zh: '测试',
      en: job,
      evenIfAborted,
      run: async () => {
        ran.push(job);
        return {};
      },
      summary: () => job,
    });
    const abort = new AbortController();
    abort.abort();
    const outcomes = await runPasses(h.ctx, new Date(), abort.signal, [row('scan', true), row('later')]);
    expect(ran).toEqual(['scan']);
    expect(outcomes.map((o) => o.job)).toEqual(['scan']);
  });
});
