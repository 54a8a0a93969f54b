// A pino logger whose JSON lines a test reads — and waits for: `await logged(n)` resolves once the
// n-th line has been written, from the stream's own write (no polling, no sleep). A line that never
// comes fails the test at its timeout.
import { Writable } from 'node:stream';
import pino from 'pino';

export function captureLog(level: pino.Level = 'info') {
  const lines: Record<string, unknown>[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(JSON.parse(String(chunk)));
      for (const w of waiters.filter((x) => lines.length >= x.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      cb();
    },
  });
  const logged = (n: number): Promise<void> =>
    lines.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }));
  return { log: pino({ level }, stream), lines, logged };
}
