// `xinfang serve --workers N`: N API processes on one port (node:cluster; the primary accepts the
// connections and hands them to the workers round-robin). The primary serves nothing itself: it
// forks the workers, replaces one that dies while serving, and passes SIGTERM/SIGINT on.
//
// Each worker is a whole platform process, exactly as a separate host behind a load balancer would
// be: its own connection pool, SMS dispatcher, audit sealer, delivery loops and scheduler. What
// makes that correct is in the database, not in this file (docs/deployment.md, "多进程/多节点"):
// sessions are rows; claims are FOR UPDATE SKIP LOCKED with a lease; the audit chain is sealed
// under the head row lock; the daily jobs run once per slot under an advisory lock (job_runs); and
// the in-memory caches are dropped in every process by PostgreSQL NOTIFY (src/db/cacheBus.ts).
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

export const MAX_WORKERS = 64;

/**
 * Workers when `--workers` is not given: one per core in production (PostgreSQL, no demo), one in
 * demo mode and on the embedded database (one process per data dir).
 */
export function defaultWorkers(opts: { postgres: boolean; demo: boolean }): number {
  return opts.postgres && !opts.demo ? Math.min(availableParallelism(), MAX_WORKERS) : 1;
}

/** Why `n` workers cannot run here, in Chinese and English; null when they can. */
export function workersProblem(n: number, opts: { postgres: boolean }): string | null {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    return `--workers 应为 1 到 ${MAX_WORKERS} 之间的整数 / --workers must be an integer from 1 to ${MAX_WORKERS}`;
  if (n > 1 && !opts.postgres)
    return (
      '嵌入式数据库（PGlite）在一个进程内运行，数据目录只能由一个进程打开，因此 --workers 只能为 1；' +
      '多个工作进程请使用 PostgreSQL（设置 DATABASE_URL）。 / ' +
      'The embedded database (PGlite) runs inside one process and its data directory can be opened by one ' +
      'process only, so --workers must be 1; for several workers use PostgreSQL (set DATABASE_URL).'
    );
  return null;
}

/** The worker's number, 1…N, or undefined outside a `--workers` cluster. */
export function workerNumber(): number | undefined {
  const n = Number(process.env.XINFANG_WORKER);
  return cluster.isWorker && n > 0 ? n : undefined;
}

/**
 * The primary: forks `n` workers and supervises them until SIGTERM/SIGINT, then stops them (each
 * finishes its requests, seals its audit rows and closes its pool) and exits 0. A worker that ends
 * before it ever listened (bad configuration, wrong key, database unreachable) ends the whole start
 * with its exit code, as a single process would have; one that dies while serving is replaced.
 */
export function runPrimary(n: number): void {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const listening = new Set<Worker>();
  const numberOf = new Map<Worker, number>();
  let stopping = false;
  let ready = false;
  /** The exit code of a worker that failed to start: the primary's own. */
  let failure = 0;
  const done = () => process.exit(failure);

  const fork = (k: number) => {
    const w = cluster.fork({ XINFANG_WORKER: String(k) });
    numberOf.set(w, k);
    w.on('listening', () => {
      listening.add(w);
      if (ready || listening.size < n) return;
      ready = true;
      say(`主进程 ${process.pid}：${n} 个工作进程已就绪 / primary ${process.pid}: ${n} workers ready`);
    });
  };

  cluster.on('exit', (w, code, signal) => {
    const k = numberOf.get(w) ?? 0;
    numberOf.delete(w);
    const served = listening.delete(w);
    if (stopping) {
      if (numberOf.size === 0) done();
      return;
    }
    if (!served) {
      say(
        `工作进程 ${k} 启动失败（退出码 ${code ?? signal}），平台停止 / worker ${k} failed to start (${code ?? signal}), stopping`,
      );
      stopping = true;
      failure = typeof code === 'number' && code !== 0 ? code : 1;
      for (const other of numberOf.keys()) other.process.kill('SIGTERM');
      if (numberOf.size === 0) done();
      return;
    }
    say(
      `工作进程 ${k} 已退出（${code ?? signal}），正在重启 / worker ${k} exited (${code ?? signal}), restarting`,
    );
    fork(k);
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of numberOf.keys()) w.process.kill('SIGTERM');
    if (numberOf.size === 0) done();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  for (let k = 1; k <= n; k++) fork(k);
}
