// A local stand-in of the WeChat official-account API (a plain node:http server on loopback), for
// test/integration/wechat.test.ts and test/e2e/wechat.test.ts. It also plays WeChat's authorisation
// page: /connect/oauth2/authorize sends the browser back to redirect_uri with a one-time code for
// `currentOpenid`, as WeChat does after the user agrees.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TemplateSent {
  touser: string;
  template_id: string;
  url?: string;
  data: Record<string, { value: string }>;
}

export class WechatStandIn {
  url = '';
  private server?: Server;
  private tokenSeq = 0;
  /** Tokens the stand-in accepts; expireTokens() empties it (as WeChat does after 7200 s). */
  valid = new Set<string>();
  tokenFetches = 0;
  /** OAuth code → openid; each code works once. */
  codes = new Map<string, string>();
  /** Who "is using WeChat" when the authorisation page is opened. */
  currentOpenid = '';
  /** Openids that do not follow the official account (template message → 43004). */
  unfollowed = new Set<string>();
  /** Answer every token-using call with this errcode (40001 forever: the retry-once limit). */
  alwaysRefuseToken?: number;
  templates: TemplateSent[] = [];
  refusedWith: number[] = [];
  readonly ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
  private codeSeq = 0;

  expireTokens(): void {
    this.valid.clear();
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const u = new URL(req.url ?? '/', 'http://standin');
        const json = (body: unknown) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        };
        const tokenOk = () => {
          const t = u.searchParams.get('access_token') ?? '';
          if (this.alwaysRefuseToken) return this.alwaysRefuseToken;
          if (this.valid.has(t)) return 0;
          return t.startsWith('TOKEN-') ? 42001 : 40001; // one of ours, expired; or never valid
        };
        const refuse = (errcode: number) => {
          this.refusedWith.push(errcode);
          json({ errcode, errmsg: `refused rid: 1234` });
        };
        switch (u.pathname) {
          case '/connect/oauth2/authorize': {
            // The citizen agrees in WeChat: back to redirect_uri with a one-time code.
            const code = `CODE${++this.codeSeq}`;
            this.codes.set(code, this.currentOpenid);
            const back = new URL(u.searchParams.get('redirect_uri') ?? '');
            back.searchParams.set('code', code);
            back.searchParams.set('state', u.searchParams.get('state') ?? '');
            res.writeHead(302, { location: back.toString() });
            res.end();
            return;
          }
          case '/sns/oauth2/access_token': {
            const openid = this.codes.get(u.searchParams.get('code') ?? '');
            this.codes.delete(u.searchParams.get('code') ?? '');
            if (!openid || u.searchParams.get('secret') !== 'test-app-secret')
              return json({ errcode: 40029 });
            return json({ access_token: 'OAUTH', expires_in: 7200, openid, scope: 'snsapi_base' });
          }
          case '/cgi-bin/token': {
            this.tokenFetches++;
            const token = `TOKEN-${++this.tokenSeq}`;
            this.valid.add(token);
            return json({ access_token: token, expires_in: 7200 });
          }
          case '/cgi-bin/user/info': {
            const e = tokenOk();
            if (e) return refuse(e);
            const openid = u.searchParams.get('openid') ?? '';
            return json({ subscribe: this.unfollowed.has(openid) ? 0 : 1, openid });
          }
          case '/cgi-bin/message/template/send': {
            const e = tokenOk();
            if (e) return refuse(e);
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as TemplateSent;
            if (this.unfollowed.has(body.touser)) return refuse(43004);
            this.templates.push(body);
            return json({ errcode: 0, errmsg: 'ok', msgid: this.templates.length });
          }
          case '/cgi-bin/ticket/getticket': {
            const e = tokenOk();
            if (e) return refuse(e);
            return json({ errcode: 0, errmsg: 'ok', ticket: this.ticket, expires_in: 7200 });
          }
          default:
            res.writeHead(404).end();
        }
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }
}
