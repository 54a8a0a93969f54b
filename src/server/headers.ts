// Security headers on every response (@fastify/helmet), API and pages alike. The CSP fits what the
// pages load: the React apps and the login page are same-origin scripts and styles, antd writes
// its styles at run time (<style> elements, style attributes: 'unsafe-inline' for styles only),
// ECharts draws on canvas, the Excel export and downloads use blob: URLs, and the Swagger UI at
// /api/docs loads only its own scripts. No page may be framed (clickjacking).
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

export async function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only where the installation says it runs on HTTPS (secure cookies): on a plain-HTTP
    // intranet the header is ignored, and if TLS came later it would pin it for months.
    strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 3600 } : false,
  });
}
