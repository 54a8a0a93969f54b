// Progress for long commands: a bar with rate and ETA on a terminal, plain lines otherwise (CI, logs).
import cliProgress from 'cli-progress';

export interface Progress {
  increment(n?: number): void;
  stop(): void;
}

const fmtDuration = (s: number) =>
  !Number.isFinite(s)
    ? '?'
    : s >= 3600
      ? `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
      : s >= 60
        ? `${Math.floor(s / 60)}m${Math.round(s % 60)}s`
        : `${Math.round(s)}s`;

export function createProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = Date.now();
  let done = 0;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
        stream,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { rate: 0 });
    return {
      increment(n = 1) {
        done += n;
        bar.update(done, { rate: Math.round(done / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
      stop: () => bar.stop(),
    };
  }
  let lastPrint = 0;
  const print = () => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = done / secs;
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    const pct = total ? ((100 * done) / total).toFixed(1) : '100.0';
    stream.write(`${label}: ${done}/${total} (${pct}%) ${Math.round(rate)}/s ETA ${fmtDuration(eta)}\n`);
  };
  return {
    increment(n = 1) {
      done += n;
      if (Date.now() - lastPrint > 2000) {
        lastPrint = Date.now();
        print();
      }
    },
    stop() {
      print();
    },
  };
}
