// Tencent Cloud SMS (腾讯云短信), API 3.0 action SendSms, version 2021-01-11
// (https://cloud.tencent.com/document/api/382/55981), signed with TC3-HMAC-SHA256 (签名方法 v3;
// checked against Tencent's published example in test/integration/sms-gateways.test.ts).
// Error codes: https://cloud.tencent.com/document/api/382/59177.
//
// Tencent only sends approved templates: the configuration maps our template names to Tencent
// TemplateIds, and the message's `params` fill the placeholders {1}, {2}, … A mapping is either
// a TemplateId (params are sent in the order the message lists them) or `{ "id", "params": [names] }`
// (params sent in that order, the safe choice for templates with several placeholders). A message
// without a mapping — or without params for its mapped template — goes through the template named
// `generic`, whose single placeholder receives the whole body.
//
// Failures (see isRetryableTencentCode): auth, parameter, template and account errors are
// permanent; InternalError*, RequestLimitExceeded* and short-window limits are retryable.
// Per-number daily / hourly / same-content limits are permanent *for that message*: retries come
// within a minute or two and cannot pass a limit that resets at midnight, and a login code or a
// case notice delivered hours later would be stale anyway.
import { createHash, createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { OutgoingSms, SmsSink } from '../sinks.ts';
import {
  GatewayError,
  isPermanentHttpStatus,
  parseRetryAfter,
  scrubPhones,
  transportError,
} from './errors.ts';
import { DEFAULT_GATEWAY_TIMEOUT_MS } from './http.ts';

export const TENCENT_SMS_HOST = 'sms.tencentcloudapi.com';
export const TENCENT_SMS_VERSION = '2021-01-11';
export const TENCENT_SMS_ACTION = 'SendSms';
export const TENCENT_DEFAULT_REGION = 'ap-guangzhou';
/** Name of the fallback template in the templates map: one placeholder, the whole body. */
export const TENCENT_GENERIC_TEMPLATE = 'generic';

export type TencentTemplate = string | { id: string; params?: string[] };

export interface TencentSmsOptions {
  secretId: string;
  secretKey: string;
  /** SmsSdkAppId, e.g. 1400006666. */
  sdkAppId: string;
  /** SignName (短信签名), e.g. 阳光信访. */
  signName: string;
  /** Our template name → Tencent TemplateId (or `{ id, params }`); `generic` is the fallback. */
  templates: Record<string, TencentTemplate>;
  region?: string;
  /** Default https://sms.tencentcloudapi.com; tests point it at a local server. */
  endpoint?: string;
  timeoutMs?: number;
  /** For tests: clock in milliseconds. */
  now?: () => number;
  fetch?: typeof fetch;
  log?: Logger;
}

// ---------------------------------------------------------------------------------------------
// TC3-HMAC-SHA256

export interface Tc3SignInput {
  secretId: string;
  secretKey: string;
  /** Product, e.g. 'sms' (also the first label of the host). */
  service: string;
  host: string;
  /** Unix seconds; the credential date is its UTC date. */
  timestamp: number;
  /** The exact request body. */
  payload: string;
  contentType?: string;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  date: string;
  canonicalRequest: string;
  stringToSign: string;
}

const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: string | Buffer, s: string) => createHmac('sha256', key).update(s, 'utf8').digest();

/** Signs a POST with JSON body and signed headers content-type;host, as Tencent's SDKs do. */
export function tc3Sign(input: Tc3SignInput): Tc3Signature {
  const contentType = input.contentType ?? 'application/json; charset=utf-8';
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${contentType.toLowerCase()}\nhost:${input.host.toLowerCase()}\n`,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const credentialScope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(input.timestamp),
    credentialScope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, input.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign, 'utf8').digest('hex');
  const authorization =
    `TC3-HMAC-SHA256 Credential=${input.secretId}/${credentialScope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { authorization, signature, date, canonicalRequest, stringToSign };
}

// ---------------------------------------------------------------------------------------------
// Mapping a message onto SendSms

/** 13812345678, 8613812345678, +86 138 1234 5678, 0086… → +8613812345678; anything else → null. */
export function toChinaE164(phone: string): string | null {
  const m = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/.exec(phone.replace(/[\s-]/g, ''));
  return m ? `+86${m[1]}` : null;
}

/**
 * Whether a Tencent error code (Response.Error.Code or SendStatusSet[].Code) may pass on retry.
 * Retryable: InternalError*, RequestLimitExceeded*, ResourceUnavailable*, plain LimitExceeded and
 * the short windows (LimitExceeded.PhoneNumberThirtySecondLimit, LimitExceeded.DeliveryFrequencyLimit).
 * Everything else — AuthFailure*, InvalidParameter*, MissingParameter*, FailedOperation* (template
 * or signature not approved, blacklisted number, no balance), UnauthorizedOperation*,
 * UnsupportedOperation*, and daily / hourly / same-content / count limits — is permanent.
 */
export function isRetryableTencentCode(code: string): boolean {
  if (/^(InternalError|RequestLimitExceeded|ResourceUnavailable)(\.|$)/.test(code)) return true;
  return [
    'LimitExceeded',
    'LimitExceeded.PhoneNumberThirtySecondLimit',
    'LimitExceeded.DeliveryFrequencyLimit',
  ].includes(code);
}

/**
 * Chooses TemplateId and TemplateParamSet for a message; throws a permanent GatewayError if it
 * can't. A mapped template is used when the message has its params (all of the listed names, for
 * the `{ id, params }` form; `params: []` is a template without placeholders); otherwise the
 * `generic` template carries the whole body.
 */
export function tencentTemplateFor(
  msg: Pick<OutgoingSms, 'template' | 'params' | 'body'>,
  templates: Record<string, TencentTemplate>,
): { templateId: string; params: string[]; generic: boolean } {
  const generic = templates[TENCENT_GENERIC_TEMPLATE];
  const mapped = msg.template === undefined ? undefined : templates[msg.template];
  if (mapped !== undefined) {
    const spec = typeof mapped === 'string' ? { id: mapped } : mapped;
    if (spec.params !== undefined) {
      const values = spec.params.map((name) => msg.params?.[name]);
      if (values.every((v) => v !== undefined)) {
        return { templateId: spec.id, params: values as string[], generic: false };
      }
      if (generic === undefined) {
        const missing = spec.params.filter((name) => msg.params?.[name] === undefined);
        throw new GatewayError(
          'tencent',
          `腾讯云短信模板 ${msg.template} 缺少参数 ${missing.join('、')}（missing template params），不再重试`,
          { permanent: true, code: 'template_params_missing' },
        );
      }
    } else if (msg.params !== undefined) {
      return { templateId: spec.id, params: Object.values(msg.params), generic: false };
    }
  }
  if (generic === undefined) {
    throw new GatewayError(
      'tencent',
      `腾讯云短信没有可用模板：${msg.template ?? '（未指定）'} 未映射或缺少参数，且未配置 generic 模板` +
        '（no Tencent template for this message and no "generic" fallback），不再重试',
      { permanent: true, code: 'template_not_mapped' },
    );
  }
  return {
    templateId: typeof generic === 'string' ? generic : generic.id,
    params: [msg.body],
    generic: true,
  };
}

interface SendSmsResponse {
  Response?: {
    Error?: { Code?: string; Message?: string };
    SendStatusSet?: { Code?: string; Message?: string; SerialNo?: string; Fee?: number }[];
    RequestId?: string;
  };
}

export function tencentSmsSink(opts: TencentSmsOptions): SmsSink {
  const endpoint = new URL(opts.endpoint ?? `https://${TENCENT_SMS_HOST}/`);
  const region = opts.region ?? TENCENT_DEFAULT_REGION;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_GATEWAY_TIMEOUT_MS;
  const doFetch = opts.fetch ?? fetch;
  const label = '腾讯云短信';
  const fail = (msg: OutgoingSms, code: string, message: string | undefined, requestId?: string) => {
    const permanent = !isRetryableTencentCode(code);
    const text = scrubPhones(`${code}${message ? ` ${message}` : ''}`, msg, 300);
    return new GatewayError(
      'tencent',
      `${label}发送失败（${permanent ? '不再重试 permanent' : '稍后重试 retryable'}）：${text}` +
        (requestId ? ` [RequestId ${requestId}]` : ''),
      { permanent, code },
    );
  };

  return {
    name: 'tencent',
    async send(msg: OutgoingSms) {
      const phone = toChinaE164(msg.to);
      if (!phone) {
        throw new GatewayError('tencent', `${label}只支持中国大陆手机号（${msg.toMasked}），不再重试`, {
          permanent: true,
          code: 'invalid_phone',
        });
      }
      const { templateId, params } = tencentTemplateFor(msg, opts.templates);
      const payload = JSON.stringify({
        PhoneNumberSet: [phone],
        SmsSdkAppId: opts.sdkAppId,
        SignName: opts.signName,
        TemplateId: templateId,
        TemplateParamSet: params,
        SessionContext: msg.idempotencyKey.slice(0, 256),
      });
      const timestamp = Math.floor((opts.now?.() ?? Date.now()) / 1000);
      const { authorization } = tc3Sign({
        secretId: opts.secretId,
        secretKey: opts.secretKey,
        service: 'sms',
        host: endpoint.host,
        timestamp,
        payload,
      });
      let res: Response;
      try {
        res = await doFetch(endpoint, {
          method: 'POST',
          headers: {
            Authorization: authorization,
            'Content-Type': 'application/json; charset=utf-8',
            'X-TC-Action': TENCENT_SMS_ACTION,
            'X-TC-Version': TENCENT_SMS_VERSION,
            'X-TC-Timestamp': String(timestamp),
            'X-TC-Region': region,
          },
          body: payload,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        throw transportError('tencent', label, e, timeoutMs);
      }
      let text: string;
      try {
        text = await res.text();
      } catch (e) {
        throw transportError('tencent', label, e, timeoutMs);
      }
      if (res.status < 200 || res.status >= 300) {
        const permanent = isPermanentHttpStatus(res.status);
        throw new GatewayError(
          'tencent',
          `${label}返回 HTTP ${res.status}（${permanent ? '不再重试 permanent' : '稍后重试 retryable'}）` +
            (text ? `：${scrubPhones(text, msg)}` : ''),
          {
            permanent,
            code: `http_${res.status}`,
            status: res.status,
            retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
          },
        );
      }
      let body: SendSmsResponse;
      try {
        body = JSON.parse(text) as SendSmsResponse;
      } catch {
        throw new GatewayError('tencent', `${label}应答不是 JSON（invalid response），稍后重试`, {
          code: 'invalid_response',
          status: res.status,
        });
      }
      const response = body.Response;
      const requestId = response?.RequestId;
      if (response?.Error) {
        throw fail(msg, response.Error.Code ?? 'UnknownError', response.Error.Message, requestId);
      }
      const status = response?.SendStatusSet?.[0];
      if (!status) {
        throw new GatewayError('tencent', `${label}应答缺少 SendStatusSet（invalid response），稍后重试`, {
          code: 'invalid_response',
          status: res.status,
        });
      }
      if (status.Code !== 'Ok') throw fail(msg, status.Code ?? 'UnknownError', status.Message, requestId);
      opts.log?.debug(
        {
          sms: {
            to: msg.toMasked,
            key: msg.idempotencyKey,
            serialNo: status.SerialNo,
            requestId,
            templateId,
          },
        },
        '腾讯云短信已受理',
      );
    },
  };
}
