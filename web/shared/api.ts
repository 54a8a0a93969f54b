// The browser's API client: same-origin session cookie, the CSRF token echoed from the readable
// `xf_csrf` cookie on every mutation, and the server's Chinese `error.message` on failure.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function csrfToken(
  cookie = typeof document === 'undefined' ? '' : document.cookie,
): string | undefined {
  const raw = cookie.match(/(?:^|;\s*)xf_csrf=([^;]+)/)?.[1];
  return raw ? decodeURIComponent(raw) : undefined;
}

/**
 * The hall's big screen opened as /screen/?kiosk=TOKEN (大屏展示令牌): every API call carries the
 * token instead of relying on a staff login (docs/analytics-ui.md). Null elsewhere.
 */
let kioskToken: string | null = null;
export function setKioskToken(token: string | null): void {
  kioskToken = token;
}

/** Dispatched on window when an API call is answered 401: the session is gone. */
export const SESSION_ENDED = 'xf:session-ended';

interface ErrorBody {
  error?: { code?: string; field?: string; message?: string };
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; idempotencyKey?: string } = {},
): Promise<T> {
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.idempotencyKey) headers['idempotency-key'] = init.idempotencyKey;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const csrf = method === 'GET' ? undefined : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  if (kioskToken) headers['x-kiosk-token'] = kioskToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, '网络连接失败，请检查网络后重试');
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const e = (data as ErrorBody | null)?.error;
    // The session ended (logged out elsewhere, account disabled, password reset): the app shows its
    // login page (web/shared/session.ts). /auth/* answers 401 for a wrong password too.
    if (res.status === 401 && !path.startsWith('/api/v1/auth/') && typeof window !== 'undefined')
      window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(res.status, e?.message ?? `请求失败（${res.status}）`, e?.code, e?.field);
  }
  return data as T;
}

/** The message to show for any thrown value. */
export const errorMessage = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === 'string' ? e : '操作失败，请稍后重试';

export type * from './types.ts';

/**
 * One Idempotency-Key per submission: the same body sent again (a second click, a retry after a lost
 * answer) reuses its key, so the server answers it once; a changed body is a new submission.
 */
export function submissionKeys(): (body: unknown) => string {
  let last: { body: string; key: string } | undefined;
  return (body) => {
    const json = JSON.stringify(body);
    if (last?.body !== json) last = { body: json, key: crypto.randomUUID() };
    return last.key;
  };
}
