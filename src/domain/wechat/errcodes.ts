// What a WeChat API errcode means for us. WeChat answers HTTP 200 with {"errcode":…,"errmsg":…};
// errcode 0 (or none) is success. Codes from the official account's global return-code list.

/** The access token is invalid (40001), expired (42001) or malformed (40014): refresh once, retry. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/** The user does not follow the official account (43004): a template message cannot reach them. */
export const UNFOLLOWED_ERRCODE = 43004;

/** Busy or over a rate limit: the same request may pass later (-1 system busy, 45009 daily API limit, 45047). */
const RETRYABLE: ReadonlySet<number> = new Set([-1, 45009, 45047]);

export type ErrcodeKind = 'ok' | 'token' | 'unfollowed' | 'retryable' | 'permanent';

export function classifyErrcode(errcode: number | undefined): ErrcodeKind {
  if (errcode === undefined || errcode === 0) return 'ok';
  if (TOKEN_ERRCODES.has(errcode)) return 'token';
  if (errcode === UNFOLLOWED_ERRCODE) return 'unfollowed';
  if (RETRYABLE.has(errcode)) return 'retryable';
  return 'permanent';
}

/** OAuth code errors (40029 invalid code, 40163 code already used): the citizen must start again. */
export const OAUTH_CODE_ERRCODES: ReadonlySet<number> = new Set([40029, 40163]);
