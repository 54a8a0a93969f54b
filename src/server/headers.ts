// Security headers on every response (helmet), API and pages alike — also on the answers the
// router gives before any hook runs (a malformed URL: src/server/errors.ts). The CSP fits what
// the pages load: the React apps and the login page are same-origin scripts and styles, antd
// writes its styles at run time (<style> elements, style attributes: 'unsafe-inline' for styles
// only), ECharts draws on canvas, the Excel export and downloads use blob: URLs, and the Swagger
// UI at /api/docs loads only its own scripts. No page may be framed (clickjacking).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  // Not 'upgrade-insecure-requests': many installations run on a plain-HTTP intranet.
};

export type SetSecurityHeaders = (req: IncomingMessage, res: ServerResponse) => void;

/** Sets the headers on a response (synchronously). */
export function securityHeaders(opts: { https: boolean }): SetSecurityHeaders {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where the installation says it runs on HTTPS (secure cookies): on a plain-HTTP
    // intranet the header is ignored, and if TLS came later it would pin it for months.
    strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 3600 } : false,
  });
  return (req, res) => middleware(req, res, () => {});
}

/** The first onRequest hook: every answer after it, error or not, carries the headers. */
export function registerSecurityHeaders(app: FastifyInstance, set: SetSecurityHeaders): void {
  app.addHook('onRequest', (req, reply, done) => {
    set(req.raw, reply.raw);
    done();
  });
}
