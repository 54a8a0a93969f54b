// HTTP load with autocannon against the in-process server, reduced to what the report needs.
import autocannon from 'autocannon';

export interface HttpRun {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  /** Successful (2xx) responses per second over the whole run. */
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

export interface HttpSpec {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Replace `[<id>]` in the body with a fresh id per request (autocannon's idReplacement). */
  idReplacement?: boolean;
}

/**
 * The load generator runs in a worker thread (autocannon's `workers: 1`), so it does not share the
 * server's event loop; on PGlite that loop also runs the database.
 */
export const LOADGEN_WORKERS = Number(process.env.BENCH_LOADGEN_WORKERS ?? 1);

export async function cannon(spec: HttpSpec): Promise<HttpRun> {
  const r = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    method: spec.method ?? 'GET',
    ...(spec.body === undefined
      ? { headers: spec.headers }
      : {
          body: JSON.stringify(spec.body),
          headers: { ...spec.headers, 'content-type': 'application/json' },
        }),
    ...(spec.idReplacement ? { idReplacement: true } : {}),
    ...(LOADGEN_WORKERS > 0 ? { workers: LOADGEN_WORKERS } : {}),
    timeout: 30,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  return {
    name: spec.name,
    connections: spec.connections,
    seconds: r.duration,
    requests: r.requests.total,
    rps: r['2xx'] / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}

/** Problems with a run, empty when every response was a 2xx and nothing failed. */
export function problems(run: HttpRun): string[] {
  const out: string[] = [];
  if (run.requests === 0) out.push('no request completed');
  if (run.non2xx > 0) out.push(`${run.non2xx} non-2xx responses (${JSON.stringify(run.statusCodes)})`);
  if (run.errors > 0) out.push(`${run.errors} errors`);
  if (run.timeouts > 0) out.push(`${run.timeouts} timeouts`);
  return out;
}
