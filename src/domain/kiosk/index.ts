// 大屏展示令牌 (kiosk tokens) as data: the shape of a token and the only routes it opens — the big
// screen's reads (web/screen/Screen.tsx). Every other route answers a token 403, every method but GET
// too: a token is never a login. Dependency-free on purpose (the console imports it for its texts).

/** The header the big screen sends its token in (the URL's ?kiosk= is read by the page, not the API). */
export const KIOSK_HEADER = 'x-kiosk-token';

/** `GET pattern` (the pattern the router matched) of each route a token may call. */
export const KIOSK_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/v1/kiosk/screen',
  'GET /api/v1/analytics/indicators',
  'GET /api/v1/analytics/trend',
  'GET /api/v1/analytics/hotspots',
  'GET /api/v1/warnings',
]);

export const kioskRouteOpen = (method: string, pattern: string | undefined): boolean =>
  pattern !== undefined && KIOSK_ROUTES.has(`${method} ${pattern}`);

const TOKEN_SHAPE = /^xfs_([a-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** 'xfs_<prefix>_<secret>' → its parts, or null for anything else. */
export function parseKioskToken(text: string): { prefix: string; secret: string } | null {
  const m = TOKEN_SHAPE.exec(text.trim());
  return m ? { prefix: m[1] as string, secret: m[2] as string } : null;
}

export const formatKioskToken = (prefix: string, secret: string) => `xfs_${prefix}_${secret}`;

/** The address to open on the hall's screen. */
export const kioskPath = (token: string) => `/screen/?kiosk=${encodeURIComponent(token)}`;
