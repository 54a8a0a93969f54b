// Load driver for the intake, lifecycle and list benchmarks, run in a worker thread (like autocannon) so it
// does not share the server's event loop. Plain HTTP with fetch (keep-alive), bearer tokens.
//   - 'lifecycle': `workers` async loops, each taking one petition through its whole life:
//     submit → accept → assign → reply → deliver → rate → close, for `seconds`.
//   - 'intake': `connections` loops submitting online petitions, each with a distinct subject (so
//     none is linked to an earlier one as a repeat), for `seconds`. (autocannon's idReplacement
//     miscounts Content-Length when the body has multi-byte characters, so it is not used here.)
//   - 'latency': one request at a time to each URL, `requests` times, recording every latency.
import { parentPort, workerData } from 'node:worker_threads';

export interface LifecycleJob {
  mode: 'lifecycle';
  base: string;
  tokens: { citizen: string; registrar: string; handler: string };
  targetUnitId: number;
  workers: number;
  seconds: number;
}
export interface LatencyJob {
  mode: 'latency';
  base: string;
  token: string;
  path: string;
  requests: number;
  /** Stop early after this many seconds (slow endpoints), if set. */
  maxSeconds?: number;
}
export interface IntakeJob {
  mode: 'intake';
  base: string;
  token: string;
  connections: number;
  seconds: number;
}
export type DriverJob = LifecycleJob | LatencyJob | IntakeJob;

export interface DriverResult {
  /** Completed lifecycles (lifecycle) or requests (latency). */
  done: number;
  seconds: number;
  /** Latencies in ms of each lifecycle or request, sorted. */
  latencies: number[];
  errors: number;
  firstError?: string;
  /** Lifecycle mode: latency in ms of each action request (accept … close), sorted. */
  actionLatencies?: number[];
}

async function call(base: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return text;
}

async function lifecycles(job: LifecycleJob): Promise<DriverResult> {
  const { base, tokens: t } = job;
  const latencies: number[] = [];
  const actionLatencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + job.seconds * 1000;
  const loop = async (w: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        const created = JSON.parse(
          await call(base, t.citizen, 'POST', '/api/v1/cases', {
            form: 'online',
            purpose: 'claim',
            subject: `压测：小区路灯损坏 ${w}-${i}-${Math.round(t0)}`,
            content: '小区门口路灯损坏一个多月，夜间出行不安全，请求尽快维修。',
            jurisdictionCode: '320106',
          }),
        ) as { caseId: number };
        const act = async (token: string, action: string, payload: Record<string, unknown> = {}) => {
          const a0 = performance.now();
          await call(base, token, 'POST', `/api/v1/cases/${created.caseId}/actions`, { action, ...payload });
          actionLatencies.push(performance.now() - a0);
        };
        await act(t.registrar, 'accept');
        await act(t.registrar, 'assign', { targetUnitId: job.targetUnitId, instructions: '请依法办理' });
        await act(t.handler, 'reply', {
          outcome: 'supported',
          request: '请求维修路灯',
          facts: '经查，路灯线路老化损坏。',
          reasons: '依据城市照明管理规定，应及时维修。',
          decision: '已安排维修。',
        });
        await act(t.handler, 'deliver', { method: 'online' });
        await act(t.citizen, 'rate', { bureauRating: 'satisfied', unitRating: 'satisfied' });
        await act(t.registrar, 'close');
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: job.workers }, (_, w) => loop(w)));
  const seconds = (performance.now() - start) / 1000;
  return {
    done: latencies.length,
    seconds,
    latencies: latencies.sort((a, b) => a - b),
    errors,
    firstError,
    actionLatencies: actionLatencies.sort((a, b) => a - b),
  };
}

async function intake(job: IntakeJob): Promise<DriverResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + job.seconds * 1000;
  const loop = async (c: number) => {
    for (let i = 0; performance.now() < deadline; i++) {
      const t0 = performance.now();
      try {
        await call(job.base, job.token, 'POST', '/api/v1/cases', {
          form: 'online',
          purpose: 'claim',
          subject: `小区电梯长期故障无人维修 ${c}-${i}-${Math.round(t0 * 1000)}`,
          content: '我所在的小区3号楼电梯已经停运两个月，物业拒绝维修，老人上下楼十分困难，请求协调解决。',
          jurisdictionCode: '320106',
        });
        latencies.push(performance.now() - t0);
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: job.connections }, (_, c) => loop(c)));
  const seconds = (performance.now() - start) / 1000;
  return { done: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b), errors, firstError };
}

async function latency(job: LatencyJob): Promise<DriverResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  for (let i = 0; i < job.requests; i++) {
    if (job.maxSeconds !== undefined && performance.now() - start > job.maxSeconds * 1000) break;
    const t0 = performance.now();
    try {
      await call(job.base, job.token, 'GET', job.path);
      latencies.push(performance.now() - t0);
    } catch (e) {
      errors++;
      firstError ??= (e as Error).message;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  return { done: latencies.length, seconds, latencies: latencies.sort((a, b) => a - b), errors, firstError };
}

if (parentPort && workerData) {
  const job = workerData as DriverJob;
  const result = await (job.mode === 'lifecycle'
    ? lifecycles(job)
    : job.mode === 'intake'
      ? intake(job)
      : latency(job));
  parentPort.postMessage(result);
}
