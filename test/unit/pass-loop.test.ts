// The shared background pass-runner (src/jobs/loop.ts): what the sealer and the SMS dispatcher
// rely on — passes never overlap, a burst of kicks costs few passes, nothing runs after stop, and
// a failing pass is logged once without stopping the next.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PassLoop } from '../../src/jobs/loop.ts';

function recordingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'warn' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { log, lines };
}

function gate() {
  let open!: () => void;
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { wait, open };
}

describe('PassLoop', () => {
  it('runs one pass at a time; kicks during a pass become exactly one more pass', async () => {
    const { log } = recordingLog();
    const first = gate();
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    const loop = new PassLoop(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        passes++;
        if (passes === 1) await first.wait;
        active--;
      },
      { label: '测试 / test', log, pollMs: 60_000 },
    );
    loop.kick();
    await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 10; i++) loop.kick(); // during the first pass
    first.open();
    await loop.idle();
    expect(passes).toBe(2);
    expect(maxActive).toBe(1);
    await loop.stop();
  });

  it('starts nothing after stop', async () => {
    const { log } = recordingLog();
    let passes = 0;
    const loop = new PassLoop(
      async () => {
        passes++;
      },
      { label: '测试 / test', log, pollMs: 10 },
    );
    await loop.stop();
    loop.kick();
    loop.start();
    await new Promise((r) => setTimeout(r, 40));
    expect(passes).toBe(0);
    expect(loop.started).toBe(false);
  });

  it('logs a failed pass and still runs the next one', async () => {
    const { log, lines } = recordingLog();
    let calls = 0;
    const loop = new PassLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      { label: '测试 / test', log, pollMs: 60_000 },
    );
    loop.kick();
    await loop.idle();
    loop.kick();
    await loop.idle();
    expect(calls).toBe(2);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual(['测试 / test 失败 / failed']);
    await loop.stop();
  });

  it('the periodic tick runs a pass only when the probe finds work', async () => {
    const { log } = recordingLog();
    let work = false;
    let passes = 0;
    const loop = new PassLoop(
      async () => {
        passes++;
        work = false;
      },
      { label: '测试 / test', log, pollMs: 5, probe: async () => work },
    );
    loop.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).toBe(0);
    work = true;
    await expect.poll(() => passes).toBe(1);
    await new Promise((r) => setTimeout(r, 30));
    expect(passes).toBe(1);
    await loop.stop();
  });
});
