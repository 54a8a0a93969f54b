// SMS gateway adapters against real local HTTP servers standing in for the gateway / Tencent Cloud.
// The Tencent stand-in verifies TC3-HMAC-SHA256 with its own implementation (below), not the
// adapter's, and the signer is checked against Tencent's published worked example.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appConfigFromEnv, smsConfigFromEnv } from '../../src/config/index.ts';
import { GatewayError, isPermanentGatewayError, scrubPhones } from '../../src/notify/gateways/errors.ts';
import {
  httpGatewaySink,
  signHttpGatewayRequest,
  verifyHttpGatewaySignature,
} from '../../src/notify/gateways/http.ts';
import { createSmsSink, SmsConfigError } from '../../src/notify/gateways/index.ts';
import {
  isRetryableTencentCode,
  tc3Sign,
  tencentSmsSink,
  tencentTemplateFor,
  toChinaE164,
} from '../../src/notify/gateways/tencent.ts';
import type { OutgoingSms } from '../../src/notify/sinks.ts';

// ---------------------------------------------------------------------------------------------
// A local stand-in server

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  raw: Buffer;
  /** Set by handlers that check signatures. */
  verified?: boolean;
}

type Handler = (req: Received, res: ServerResponse) => void;

interface StandIn {
  url: string;
  received: Received[];
  handler: Handler;
  close(): Promise<void>;
}

async function startStandIn(handler: Handler): Promise<StandIn> {
  const standIn: StandIn = {
    url: '',
    received: [],
    handler,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        raw: Buffer.concat(chunks),
      };
      standIn.received.push(r);
      standIn.handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.url = `http://127.0.0.1:${port}`;
  standIn.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return standIn;
}

const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

async function failure(p: Promise<unknown>): Promise<GatewayError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(GatewayError);
    return e as GatewayError;
  }
  throw new Error('expected the send to fail');
}

const PHONE = '13812345678';
const msg = (over: Partial<OutgoingSms> = {}): OutgoingSms => ({
  to: PHONE,
  toMasked: '138****5678',
  body: '【阳光信访】您的登录验证码为123456，5分钟内有效。如非本人操作，请忽略。',
  idempotencyKey: 'otp:42',
  template: 'login_code',
  ...over,
});

/** A pino logger writing into an array, to check that logs never hold phone numbers. */
function memoryLog() {
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => lines.push(s) });
  return { log, lines };
}

// ---------------------------------------------------------------------------------------------
// Generic HTTP gateway

describe('HTTP gateway', () => {
  const SECRET = 'http-gateway-secret-0123456789';
  let gw: StandIn;
  const verifying: Handler = (r, res) => {
    r.verified = verifyHttpGatewaySignature(
      SECRET,
      r.headers['x-xinfang-timestamp'] as string | undefined,
      r.raw,
      r.headers['x-xinfang-signature'] as string | undefined,
    );
    reply(res, r.verified ? 202 : 401, r.verified ? { id: 'm-1' } : { error: 'bad signature' });
  };

  beforeAll(async () => {
    gw = await startStandIn(verifying);
  });
  afterEach(() => {
    gw.handler = verifying;
    gw.received.length = 0;
  });
  afterAll(async () => {
    await gw?.close();
  });

  const sink = (over: Partial<Parameters<typeof httpGatewaySink>[0]> = {}) =>
    httpGatewaySink({ url: `${gw.url}/sms`, secret: SECRET, ...over });

  it('POSTs signed JSON with an Idempotency-Key; the receiver verifies the signature', async () => {
    await sink().send(msg({ params: { code: '123456' } }));
    expect(gw.received).toHaveLength(1);
    const r = gw.received[0];
    expect(r?.verified).toBe(true);
    expect(r?.method).toBe('POST');
    expect(r?.url).toBe('/sms');
    expect(r?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r?.headers['idempotency-key']).toBe('otp:42');
    expect(r?.headers['x-xinfang-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    const ts = r?.headers['x-xinfang-timestamp'] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    // The documented scheme, computed here independently: HMAC-SHA256 of "<timestamp>.<raw body>".
    const mac = createHmac('sha256', SECRET)
      .update(`${ts}.${r?.raw.toString('utf8')}`)
      .digest('hex');
    expect(r?.headers['x-xinfang-signature']).toBe(`sha256=${mac}`);
    expect(JSON.parse(r?.raw.toString('utf8') ?? '')).toEqual({
      to: PHONE,
      body: msg().body,
      idempotencyKey: 'otp:42',
      timestamp: Number(ts),
      template: 'login_code',
      params: { code: '123456' },
    });
  });

  it('sends the same Idempotency-Key on every retry of one message', async () => {
    await sink().send(msg({ idempotencyKey: 'case:7:accepted' }));
    await sink().send(msg({ idempotencyKey: 'case:7:accepted' }));
    expect(gw.received.map((r) => r.headers['idempotency-key'])).toEqual([
      'case:7:accepted',
      'case:7:accepted',
    ]);
  });

  it('verifyHttpGatewaySignature rejects tampering, a wrong secret, stale timestamps and junk', () => {
    const ts = Math.floor(Date.now() / 1000);
    const raw = Buffer.from(JSON.stringify({ to: PHONE, body: '您好', idempotencyKey: 'k', timestamp: ts }));
    const header = signHttpGatewayRequest(SECRET, ts, raw);
    expect(verifyHttpGatewaySignature(SECRET, String(ts), raw, header)).toBe(true);
    expect(verifyHttpGatewaySignature(SECRET, ts, raw.toString('utf8'), header)).toBe(true);
    expect(verifyHttpGatewaySignature(SECRET, ts, raw.toString('utf8').replace('您好', '你好'), header)).toBe(
      false,
    );
    expect(verifyHttpGatewaySignature('another-secret-0123456789', ts, raw, header)).toBe(false);
    expect(verifyHttpGatewaySignature(SECRET, ts + 1, raw, header)).toBe(false);
    const old = ts - 3600;
    expect(verifyHttpGatewaySignature(SECRET, old, raw, signHttpGatewayRequest(SECRET, old, raw))).toBe(
      false,
    );
    expect(
      verifyHttpGatewaySignature(SECRET, old, raw, signHttpGatewayRequest(SECRET, old, raw), {
        toleranceSeconds: Number.POSITIVE_INFINITY,
      }),
    ).toBe(true);
    expect(verifyHttpGatewaySignature(SECRET, ts, raw, header.slice(0, -2))).toBe(false);
    expect(verifyHttpGatewaySignature(SECRET, ts, raw, header.replace('sha256=', 'sha1='))).toBe(false);
    expect(verifyHttpGatewaySignature(SECRET, ts, raw, undefined)).toBe(false);
    expect(verifyHttpGatewaySignature(SECRET, 'soon', raw, header)).toBe(false);
  });

  it('a receiver with another secret answers 401: a permanent failure', async () => {
    const e = await failure(sink({ secret: 'not-the-shared-secret-xx' }).send(msg()));
    expect(gw.received[0]?.verified).toBe(false);
    expect(e).toMatchObject({ permanent: true, status: 401, code: 'http_401', gateway: 'http' });
    expect(isPermanentGatewayError(e)).toBe(true);
  });

  it('500 is retryable, 400 is permanent, 408 and 429 are retryable', async () => {
    const cases: [number, boolean][] = [
      [500, false],
      [502, false],
      [503, false],
      [400, true],
      [403, true],
      [404, true],
      [422, true],
      [408, false],
      [429, false],
    ];
    for (const [status, permanent] of cases) {
      gw.handler = (_r, res) => reply(res, status, { error: `status ${status}` });
      const e = await failure(sink().send(msg()));
      expect(e.status, `HTTP ${status}`).toBe(status);
      expect(e.permanent, `HTTP ${status}`).toBe(permanent);
      expect(isPermanentGatewayError(e)).toBe(permanent);
    }
  });

  it('passes Retry-After on to the error', async () => {
    gw.handler = (_r, res) => reply(res, 429, { error: 'slow down' }, { 'retry-after': '7' });
    const e = await failure(sink().send(msg()));
    expect(e).toMatchObject({ permanent: false, retryAfterMs: 7000 });
  });

  it('does not follow redirects with the signed request', async () => {
    gw.handler = (r, res) => {
      if (r.url === '/sms') {
        res.writeHead(307, { location: `${gw.url}/elsewhere` });
        res.end();
      } else reply(res, 200, {});
    };
    const e = await failure(sink().send(msg()));
    expect(e).toMatchObject({ status: 307, permanent: false });
    expect(gw.received.map((r) => r.url)).toEqual(['/sms']);
  });

  it('keeps phone numbers the gateway echoes out of the error message', async () => {
    gw.handler = (_r, res) =>
      reply(res, 400, { error: `invalid recipient ${PHONE}`, also: '+8613912345678' });
    const e = await failure(sink().send(msg()));
    expect(e.permanent).toBe(true);
    expect(e.message).not.toContain(PHONE);
    expect(e.message).not.toContain('13912345678');
    expect(e.message).toContain('138****5678');
  });

  it('a timeout is retryable', async () => {
    gw.handler = () => {}; // never answers
    const started = Date.now();
    const e = await failure(sink({ timeoutMs: 200 }).send(msg()));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(e).toMatchObject({ code: 'timeout' });
    expect(e.permanent).toBeFalsy();
  });

  it('a refused connection is retryable', async () => {
    const closed = await startStandIn(() => {});
    const url = closed.url;
    await closed.close();
    const e = await failure(httpGatewaySink({ url, secret: SECRET }).send(msg()));
    expect(e).toMatchObject({ code: 'network' });
    expect(e.permanent).toBeFalsy();
    expect(e.message).toContain('ECONNREFUSED');
  });
});

// ---------------------------------------------------------------------------------------------
// Tencent Cloud SMS

const sha256Hex = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s).digest();

/**
 * The receiving side of TC3-HMAC-SHA256, written independently of the adapter: rebuilds the
 * canonical request from the headers and bytes actually received, as Tencent's API gateway does.
 */
function verifyTc3(r: Received, secretId: string, secretKey: string): string | null {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
      String(r.headers.authorization),
    );
  if (!m) return 'AuthFailure.InvalidAuthorization';
  const [, id, date, service, signedHeaders, signature] = m as unknown as string[];
  if (id !== secretId) return 'AuthFailure.SecretIdNotFound';
  if (service !== 'sms') return 'AuthFailure.SignatureFailure';
  const timestamp = Number(r.headers['x-tc-timestamp']);
  if (Math.abs(timestamp - Date.now() / 1000) > 300) return 'AuthFailure.SignatureExpire';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return 'AuthFailure.SignatureFailure';
  const names = (signedHeaders ?? '').split(';');
  if (!names.includes('content-type') || !names.includes('host')) return 'AuthFailure.SignatureFailure';
  const canonicalHeaders = names.map((n) => `${n}:${String(r.headers[n]).trim().toLowerCase()}\n`).join('');
  const canonicalRequest = `${r.method}\n${r.url}\n\n${canonicalHeaders}\n${signedHeaders}\n${sha256Hex(r.raw)}`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256Hex(canonicalRequest)}`;
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date ?? ''), service ?? ''), 'tc3_request');
  const expected = createHmac('sha256', signing).update(stringToSign).digest();
  const given = Buffer.from(signature ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected)
    ? null
    : 'AuthFailure.SignatureFailure';
}

const tencentError = (code: string, message: string) => ({
  Response: { Error: { Code: code, Message: message }, RequestId: 'ed93f3cb-f35e-473f-b9f3-0d451b8b79c6' },
});

const tencentStatus = (code: string, message: string, phone: string, session: string) => ({
  Response: {
    SendStatusSet: [
      {
        SerialNo: code === 'Ok' ? '5000:1045710669157053657849499619' : '',
        PhoneNumber: phone,
        Fee: code === 'Ok' ? 1 : 0,
        SessionContext: session,
        Code: code,
        Message: message,
        IsoCode: 'CN',
      },
    ],
    RequestId: 'a0aabda6-cf91-4f3e-a81f-9198114a2279',
  },
});

describe('TC3-HMAC-SHA256 signing', () => {
  // Tencent Cloud API 3.0 "签名方法 v3" worked example (cvm DescribeInstances, 2019-02-25 UTC).
  const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
  const example = {
    secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
    secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
    service: 'cvm',
    host: 'cvm.tencentcloudapi.com',
    timestamp: 1551113065,
    payload,
  };

  it("matches Tencent's published example, step by step", () => {
    const s = tc3Sign(example);
    expect(s.canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n' +
        'content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
    );
    expect(s.stringToSign).toBe(
      'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
    );
    expect(s.signature).toBe('72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168');
    expect(s.authorization).toBe(
      'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, ' +
        'SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });

  it('matches the current edition of the example (masked key)', () => {
    // Newer editions of the page print the key as Gu5t9xGARNpq86cd98joQYCN3******* and sign with that literal.
    const s = tc3Sign({ ...example, secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******' });
    expect(s.signature).toBe('2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c');
  });

  it('takes the credential date in UTC (00:44 in Beijing is still the previous day)', () => {
    expect(tc3Sign(example).date).toBe('2019-02-25');
    expect(tc3Sign({ ...example, timestamp: 1551139200 }).date).toBe('2019-02-26'); // 00:00 UTC
  });
});

describe('Tencent Cloud SMS', () => {
  const SECRET_ID = 'AKIDtestsecretid0123456789EXAMPLE';
  const SECRET_KEY = 'test-secret-key-0123456789abcdef';
  const TEMPLATES = {
    login_code: '1110001',
    case_accepted: { id: '1110002', params: ['caseNo', 'unit'] },
    generic: '1110099',
  };
  let tc: StandIn;
  /** What the stand-in answers once the signature checks out. */
  let answer: (body: Record<string, unknown>, res: ServerResponse) => void;
  const success = (body: Record<string, unknown>, res: ServerResponse) =>
    reply(
      res,
      200,
      tencentStatus(
        'Ok',
        'send success',
        (body.PhoneNumberSet as string[])[0] ?? '',
        String(body.SessionContext ?? ''),
      ),
    );

  beforeAll(async () => {
    answer = success;
    tc = await startStandIn((r, res) => {
      const authError = verifyTc3(r, SECRET_ID, SECRET_KEY);
      r.verified = authError === null;
      if (authError) {
        reply(
          res,
          200,
          tencentError(
            authError,
            'The provided credentials could not be validated. Please check your signature is correct.',
          ),
        );
        return;
      }
      answer(JSON.parse(r.raw.toString('utf8')), res);
    });
  });
  afterEach(() => {
    answer = success;
    tc.received.length = 0;
  });
  afterAll(async () => {
    await tc?.close();
  });

  const sink = (over: Partial<Parameters<typeof tencentSmsSink>[0]> = {}) =>
    tencentSmsSink({
      secretId: SECRET_ID,
      secretKey: SECRET_KEY,
      sdkAppId: '1400006666',
      signName: '阳光信访',
      templates: TEMPLATES,
      region: 'ap-guangzhou',
      endpoint: tc.url,
      ...over,
    });
  const sentBody = (i = 0) => JSON.parse(tc.received[i]?.raw.toString('utf8') ?? '{}');

  it('sends a SendSms request whose TC3 signature the server recomputes and accepts', async () => {
    await sink().send(msg({ params: { code: '123456', minutes: '5' } }));
    expect(tc.received).toHaveLength(1);
    const r = tc.received[0];
    expect(r?.verified).toBe(true);
    expect(r?.method).toBe('POST');
    expect(r?.url).toBe('/');
    expect(r?.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'x-tc-action': 'SendSms',
      'x-tc-version': '2021-01-11',
      'x-tc-region': 'ap-guangzhou',
    });
    expect(r?.headers.authorization).toMatch(
      new RegExp(
        `^TC3-HMAC-SHA256 Credential=${SECRET_ID}/\\d{4}-\\d{2}-\\d{2}/sms/tc3_request, ` +
          'SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$',
      ),
    );
    expect(sentBody()).toEqual({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400006666',
      SignName: '阳光信访',
      TemplateId: '1110001',
      TemplateParamSet: ['123456', '5'],
      SessionContext: 'otp:42',
    });
  });

  it('sends params in the configured order for { id, params } mappings', async () => {
    await sink().send(
      msg({
        template: 'case_accepted',
        body: '您的信访件 XF2026-0001 已由 南京市信访局 受理。',
        params: { unit: '南京市信访局', caseNo: 'XF2026-0001' },
      }),
    );
    expect(tc.received[0]?.verified).toBe(true);
    expect(sentBody()).toMatchObject({
      TemplateId: '1110002',
      TemplateParamSet: ['XF2026-0001', '南京市信访局'],
    });
  });

  it('falls back to the generic template, with the whole body as its one param', async () => {
    // No mapping for the template:
    await sink().send(msg({ template: 'case_closed', body: '您的信访件已办结。' }));
    // Mapped, but the message carries no params (the outbox stores only the text today):
    await sink().send(msg({ params: undefined }));
    expect(tc.received.every((r) => r.verified)).toBe(true);
    expect(sentBody(0)).toMatchObject({ TemplateId: '1110099', TemplateParamSet: ['您的信访件已办结。'] });
    expect(sentBody(1)).toMatchObject({ TemplateId: '1110099', TemplateParamSet: [msg().body] });
  });

  it('without a generic template an unmapped message fails permanently, before any request', async () => {
    const e = await failure(
      sink({ templates: { login_code: '1110001' } }).send(msg({ template: 'case_closed' })),
    );
    expect(e).toMatchObject({ permanent: true, code: 'template_not_mapped' });
    const e2 = await failure(
      sink({ templates: { case_accepted: TEMPLATES.case_accepted } }).send(
        msg({ template: 'case_accepted', params: { caseNo: 'XF2026-0001' } }),
      ),
    );
    expect(e2).toMatchObject({ permanent: true, code: 'template_params_missing' });
    expect(e2.message).toContain('unit');
    expect(tc.received).toHaveLength(0);
  });

  it('AuthFailure.SignatureFailure (wrong secret key) is permanent', async () => {
    const e = await failure(sink({ secretKey: 'not-the-right-key' }).send(msg()));
    expect(tc.received[0]?.verified).toBe(false);
    expect(e).toMatchObject({ permanent: true, code: 'AuthFailure.SignatureFailure', gateway: 'tencent' });
    expect(e.message).toContain('ed93f3cb-f35e-473f-b9f3-0d451b8b79c6');
  });

  it('classifies Response.Error and SendStatusSet codes', async () => {
    const cases: [kind: 'error' | 'status', code: string, permanent: boolean][] = [
      ['error', 'InvalidParameterValue.TemplateParameterFormatError', true],
      ['error', 'FailedOperation.TemplateIncorrectOrUnapproved', true],
      ['error', 'UnauthorizedOperation.SmsSdkAppIdVerifyFail', true],
      ['error', 'InternalError.Timeout', false],
      ['error', 'InternalError', false],
      ['error', 'RequestLimitExceeded', false],
      ['error', 'LimitExceeded.DeliveryFrequencyLimit', false],
      ['status', 'LimitExceeded.PhoneNumberThirtySecondLimit', false],
      ['status', 'LimitExceeded.PhoneNumberDailyLimit', true],
      ['status', 'LimitExceeded.PhoneNumberOneHourLimit', true],
      ['status', 'LimitExceeded.PhoneNumberSameContentDailyLimit', true],
      ['status', 'FailedOperation.PhoneNumberInBlacklist', true],
      ['status', 'InvalidParameterValue.IncorrectPhoneNumber', true],
      ['status', 'InternalError.OtherError', false],
    ];
    for (const [kind, code, permanent] of cases) {
      answer = (body, res) =>
        reply(
          res,
          200,
          kind === 'error'
            ? tencentError(code, `failed for ${PHONE}`)
            : tencentStatus(
                code,
                `${code} for +8613812345678`,
                '+8613812345678',
                String(body.SessionContext),
              ),
        );
      const e = await failure(sink().send(msg()));
      expect(e.code, code).toBe(code);
      expect(e.permanent, code).toBe(permanent);
      expect(isRetryableTencentCode(code), code).toBe(!permanent);
      expect(e.message, code).not.toContain(PHONE);
    }
  });

  it('HTTP errors and unreadable answers from the endpoint are retryable', async () => {
    answer = (_b, res) => reply(res, 502, '<html>Bad Gateway</html>');
    expect(await failure(sink().send(msg()))).toMatchObject({ status: 502, permanent: false });
    answer = (_b, res) => reply(res, 200, 'not json');
    expect(await failure(sink().send(msg()))).toMatchObject({ code: 'invalid_response' });
    answer = (_b, res) => reply(res, 200, { Response: { RequestId: 'x' } });
    expect(await failure(sink().send(msg()))).toMatchObject({ code: 'invalid_response' });
  });

  it('formats numbers as +86…, and refuses others permanently without naming them', async () => {
    expect(toChinaE164('13812345678')).toBe('+8613812345678');
    expect(toChinaE164('+86 138-1234-5678')).toBe('+8613812345678');
    expect(toChinaE164('008613812345678')).toBe('+8613812345678');
    expect(toChinaE164('8613812345678')).toBe('+8613812345678');
    expect(toChinaE164('02584561234')).toBeNull();
    expect(toChinaE164('+85291234567')).toBeNull();
    const e = await failure(sink().send(msg({ to: '+85291234567', toMasked: '+85****4567' })));
    expect(e).toMatchObject({ permanent: true, code: 'invalid_phone' });
    expect(e.message).not.toContain('91234567');
    expect(tc.received).toHaveLength(0);
  });

  it('tencentTemplateFor: plain mappings take the params in the order the message lists them', () => {
    expect(
      tencentTemplateFor(
        { template: 'login_code', params: { code: '654321', minutes: '5' }, body: 'x' },
        TEMPLATES,
      ),
    ).toEqual({ templateId: '1110001', params: ['654321', '5'], generic: false });
    expect(
      tencentTemplateFor({ template: 'nothing', body: 'x' }, { n: { id: '9', params: [] }, generic: '1' }),
    ).toEqual({ templateId: '1', params: ['x'], generic: true });
    expect(tencentTemplateFor({ template: 'n', body: 'x' }, { n: { id: '9', params: [] } })).toEqual({
      templateId: '9',
      params: [],
      generic: false,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Choosing the sink from the environment

describe('createSmsSink', () => {
  const silent = pino({ level: 'silent' });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('prints to the console only in demo mode, its default there', () => {
    const demo = true;
    expect(createSmsSink({ demo, sms: smsConfigFromEnv({}) }, silent).name).toBe('console');
    expect(
      createSmsSink({ demo, sms: smsConfigFromEnv({ XINFANG_SMS_GATEWAY: 'Console' }) }, silent).name,
    ).toBe('console');
  });

  it('outside demo mode refuses to start without a gateway, console included, naming the choices', () => {
    for (const env of [{}, { XINFANG_SMS_GATEWAY: 'console' }]) {
      const make = () => createSmsSink({ demo: false, sms: smsConfigFromEnv(env) }, silent);
      expect(make).toThrow(SmsConfigError);
      expect(make).toThrow(/未配置短信网关.*XINFANG_SMS_GATEWAY=http 或 tencent.*XINFANG_SMS_GATEWAY=off/);
      expect(make).toThrow(/No SMS gateway configured/);
    }
  });

  it('XINFANG_SMS_GATEWAY=off starts, says so, and dead-letters every message unsent', async () => {
    const { log, lines } = memoryLog();
    const off = createSmsSink({ demo: false, sms: smsConfigFromEnv({ XINFANG_SMS_GATEWAY: 'off' }) }, log);
    expect(off.name).toBe('off');
    expect(lines.join('\n')).toMatch(/短信已关闭（XINFANG_SMS_GATEWAY=off）/);
    const failure = await off.send(msg()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isPermanentGatewayError(failure)).toBe(true);
  });

  it('appConfigFromEnv reads the XINFANG_SMS_* variables', () => {
    vi.stubEnv('XINFANG_SMS_GATEWAY', 'tencent');
    vi.stubEnv('XINFANG_SMS_TENCENT_REGION', 'ap-nanjing');
    vi.stubEnv('XINFANG_SMS_TENCENT_TEMPLATES', '{"generic":"1"}');
    expect(appConfigFromEnv({ data: 'memory://' }).sms).toMatchObject({
      gateway: 'tencent',
      tencentRegion: 'ap-nanjing',
      tencentTemplates: '{"generic":"1"}',
    });
  });

  it('names every missing setting, in Chinese and English', () => {
    const http = () => createSmsSink({ sms: smsConfigFromEnv({ XINFANG_SMS_GATEWAY: 'http' }) }, silent);
    expect(http).toThrow(SmsConfigError);
    expect(http).toThrow(/短信网关配置不完整.*XINFANG_SMS_HTTP_URL、XINFANG_SMS_HTTP_SECRET/);
    expect(http).toThrow(
      /Incomplete SMS gateway configuration .*missing XINFANG_SMS_HTTP_URL, XINFANG_SMS_HTTP_SECRET/,
    );

    const tencent = () =>
      createSmsSink({ sms: smsConfigFromEnv({ XINFANG_SMS_GATEWAY: 'tencent' }) }, silent);
    expect(tencent).toThrow(SmsConfigError);
    for (const name of [
      'XINFANG_SMS_TENCENT_SECRET_ID',
      'XINFANG_SMS_TENCENT_SECRET_KEY',
      'XINFANG_SMS_TENCENT_APP_ID',
      'XINFANG_SMS_TENCENT_SIGN',
      'XINFANG_SMS_TENCENT_TEMPLATES',
    ]) {
      expect(tencent).toThrow(name);
    }
  });

  it('rejects invalid values: unknown gateway, bad template JSON, short secret, bad URL', () => {
    const make = (env: Record<string, string>) => () => createSmsSink({ sms: smsConfigFromEnv(env) }, silent);
    expect(make({ XINFANG_SMS_GATEWAY: 'aliyun' })).toThrow(
      /XINFANG_SMS_GATEWAY=aliyun 无效[\s\S]*Invalid SMS gateway/,
    );
    const tencent = {
      XINFANG_SMS_GATEWAY: 'tencent',
      XINFANG_SMS_TENCENT_SECRET_ID: 'id',
      XINFANG_SMS_TENCENT_SECRET_KEY: 'key',
      XINFANG_SMS_TENCENT_APP_ID: '1400006666',
      XINFANG_SMS_TENCENT_SIGN: '阳光信访',
    };
    expect(make({ ...tencent, XINFANG_SMS_TENCENT_TEMPLATES: 'login_code=1' })).toThrow(
      /应为 JSON 对象[\s\S]*must be a JSON object/,
    );
    expect(make({ ...tencent, XINFANG_SMS_TENCENT_TEMPLATES: '{"a":{"params":["x"]}}' })).toThrow(
      /a must be a TemplateId/,
    );
    expect(
      make({
        ...tencent,
        XINFANG_SMS_TENCENT_TEMPLATES: '{"generic":"1"}',
        XINFANG_SMS_TENCENT_ENDPOINT: 'nope',
      }),
    ).toThrow(/XINFANG_SMS_TENCENT_ENDPOINT/);
    expect(
      make({
        XINFANG_SMS_GATEWAY: 'http',
        XINFANG_SMS_HTTP_URL: 'ftp://x',
        XINFANG_SMS_HTTP_SECRET: 'short',
      }),
    ).toThrow(/不是 http\(s\) 地址[\s\S]*at least 16 characters/);
  });

  it('builds working gateways from the environment, and logs no phone numbers', async () => {
    const SECRET = 'env-http-secret-0123456789';
    const gw = await startStandIn((r, res) => {
      r.verified = verifyHttpGatewaySignature(
        SECRET,
        r.headers['x-xinfang-timestamp'] as string,
        r.raw,
        r.headers['x-xinfang-signature'] as string,
      );
      reply(res, r.verified ? 200 : 401, {});
    });
    const tc = await startStandIn((r, res) => {
      const authError = verifyTc3(r, 'AKIDenv', 'env-key');
      r.verified = authError === null;
      if (authError) return reply(res, 200, tencentError(authError, 'bad'));
      const body = JSON.parse(r.raw.toString('utf8'));
      if (body.TemplateId === '2') {
        return reply(
          res,
          200,
          tencentStatus('LimitExceeded.PhoneNumberDailyLimit', `daily limit ${PHONE}`, '+8613812345678', ''),
        );
      }
      reply(res, 200, tencentStatus('Ok', 'send success', body.PhoneNumberSet[0], body.SessionContext));
    });
    const { log, lines } = memoryLog();
    try {
      const http = createSmsSink(
        {
          sms: smsConfigFromEnv({
            XINFANG_SMS_GATEWAY: 'http',
            XINFANG_SMS_HTTP_URL: `${gw.url}/hook`,
            XINFANG_SMS_HTTP_SECRET: SECRET,
          }),
        },
        log,
      );
      expect(http.name).toBe('http');
      await http.send(msg());
      expect(gw.received[0]?.verified).toBe(true);

      const tencent = createSmsSink(
        {
          sms: smsConfigFromEnv({
            XINFANG_SMS_GATEWAY: 'tencent',
            XINFANG_SMS_TENCENT_SECRET_ID: 'AKIDenv',
            XINFANG_SMS_TENCENT_SECRET_KEY: 'env-key',
            XINFANG_SMS_TENCENT_APP_ID: '1400000001',
            XINFANG_SMS_TENCENT_SIGN: '阳光信访',
            XINFANG_SMS_TENCENT_TEMPLATES: '{"login_code":"1","case_accepted":"2","generic":"3"}',
            XINFANG_SMS_TENCENT_REGION: 'ap-beijing',
            XINFANG_SMS_TENCENT_ENDPOINT: tc.url,
          }),
        },
        log,
      );
      expect(tencent.name).toBe('tencent');
      await tencent.send(msg({ params: { code: '123456' } }));
      expect(tc.received[0]?.verified).toBe(true);
      expect(tc.received[0]?.headers['x-tc-region']).toBe('ap-beijing');
      const e = await failure(tencent.send(msg({ template: 'case_accepted', params: { caseNo: 'X' } })));
      expect(e).toMatchObject({ permanent: true, code: 'LimitExceeded.PhoneNumberDailyLimit' });
      expect(lines.join('\n')).toContain('138****5678');
      expect(lines.join('\n')).not.toContain(PHONE);
      expect(lines.join('\n')).not.toContain('env-key');
      expect(lines.join('\n')).not.toContain(SECRET);
    } finally {
      await gw.close();
      await tc.close();
    }
  });

  it('scrubPhones masks the recipient and any other mainland mobile number', () => {
    expect(scrubPhones(`to ${PHONE} and +8613912345678`, msg())).toBe('to 138****5678 and +86139****5678');
  });
});
