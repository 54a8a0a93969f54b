// Chooses the SMS sink from the configuration (XINFANG_SMS_* in docs/configuration.md):
// http (signed JSON webhook), tencent (Tencent Cloud SMS), off (SMS disabled, said at start), or
// console (prints every text, login codes included, to the log: demo mode only, and its default).
// Missing or incomplete settings stop the start with a message naming every missing variable.
import type { Logger } from 'pino';
import type { AppConfig, SmsConfig } from '../../config/index.ts';
import { consoleSink, disabledSink, type SmsSink } from '../sinks.ts';
import { httpGatewaySink } from './http.ts';
import {
  TENCENT_DEFAULT_REGION,
  TENCENT_GENERIC_TEMPLATE,
  type TencentTemplate,
  tencentSmsSink,
} from './tencent.ts';

export { GatewayError, isPermanentGatewayError } from './errors.ts';
export { httpGatewaySink, signHttpGatewayRequest, verifyHttpGatewaySignature } from './http.ts';
export { tc3Sign, tencentSmsSink } from './tencent.ts';

export const SMS_GATEWAYS = ['http', 'tencent', 'off', 'console'] as const;

/** A startup error: the SMS settings are missing or invalid. Message in Chinese and English. */
export class SmsConfigError extends Error {
  override readonly name = 'SmsConfigError';
}

const MIN_HTTP_SECRET = 16;

export interface CreateSmsSinkDeps {
  /** For tests: replaces global fetch in the gateways. */
  fetch?: typeof fetch;
}

const NO_GATEWAY =
  '未配置短信网关：非演示模式必须设置 XINFANG_SMS_GATEWAY=http 或 tencent（及其参数），' +
  '或设置 XINFANG_SMS_GATEWAY=off 明确关闭短信（信访人将无法用短信验证码登录，也收不到办理进展短信）。' +
  '控制台短信（console）会把验证码和查询码打印到日志，仅限演示模式。见 docs/configuration.md。' +
  '\nNo SMS gateway configured: outside demo mode set XINFANG_SMS_GATEWAY=http or tencent (with its ' +
  'settings), or XINFANG_SMS_GATEWAY=off to run without SMS (no SMS login codes, no progress texts). ' +
  'The console gateway prints login and query codes to the log and is for demo mode only. ' +
  'See docs/configuration.md.';

export function createSmsSink(
  config: Pick<AppConfig, 'sms'> & { demo?: boolean },
  log: Logger,
  deps: CreateSmsSinkDeps = {},
): SmsSink {
  const sms = config.sms;
  const demo = config.demo === true;
  const gateway = sms.gateway?.toLowerCase() || (demo ? 'console' : undefined);
  switch (gateway) {
    case undefined:
      throw new SmsConfigError(NO_GATEWAY);
    case 'console':
      if (!demo) throw new SmsConfigError(NO_GATEWAY);
      log.warn({ sms: { gateway: 'console' } }, '演示模式：短信不发送，全文（含验证码）打印在日志中');
      return consoleSink(log);
    case 'off':
      log.warn(
        { sms: { gateway: 'off' } },
        '短信已关闭（XINFANG_SMS_GATEWAY=off）：不发送任何短信，短信验证码登录不可用 / SMS disabled',
      );
      return disabledSink();
    case 'http':
      return createHttp(sms, log, deps);
    case 'tencent':
      return createTencent(sms, log, deps);
    default:
      throw new SmsConfigError(
        `短信网关配置错误：XINFANG_SMS_GATEWAY=${gateway} 无效，应为 ${SMS_GATEWAYS.join(' | ')}。` +
          `\nInvalid SMS gateway: XINFANG_SMS_GATEWAY=${gateway}; expected ${SMS_GATEWAYS.join(' | ')}.`,
      );
  }
}

/** One invalid setting, described in Chinese and English. */
export interface SmsConfigProblem {
  zh: string;
  en: string;
}

function incomplete(gateway: string, missing: string[], problems: SmsConfigProblem[] = []): SmsConfigError {
  const zh: string[] = [];
  const en: string[] = [];
  if (missing.length > 0) {
    zh.push(`缺少 ${missing.join('、')}`);
    en.push(`missing ${missing.join(', ')}`);
  }
  for (const p of problems) {
    zh.push(p.zh);
    en.push(p.en);
  }
  return new SmsConfigError(
    `短信网关配置不完整（XINFANG_SMS_GATEWAY=${gateway}）：${zh.join('；')}。见 docs/configuration.md。` +
      `\nIncomplete SMS gateway configuration (XINFANG_SMS_GATEWAY=${gateway}): ${en.join('; ')}. ` +
      'See docs/configuration.md.',
  );
}

const problem = (zh: string, en: string): SmsConfigProblem => ({ zh, en });

function parseUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

function createHttp(sms: SmsConfig, log: Logger, deps: CreateSmsSinkDeps): SmsSink {
  const missing: string[] = [];
  const problems: SmsConfigProblem[] = [];
  if (!sms.httpUrl) missing.push('XINFANG_SMS_HTTP_URL');
  if (!sms.httpSecret) missing.push('XINFANG_SMS_HTTP_SECRET');
  const url = sms.httpUrl ? parseUrl(sms.httpUrl) : null;
  if (sms.httpUrl && !url) {
    problems.push(
      problem('XINFANG_SMS_HTTP_URL 不是 http(s) 地址', 'XINFANG_SMS_HTTP_URL is not an http(s) URL'),
    );
  }
  if (sms.httpSecret && sms.httpSecret.length < MIN_HTTP_SECRET) {
    problems.push(
      problem(
        `XINFANG_SMS_HTTP_SECRET 至少 ${MIN_HTTP_SECRET} 个字符`,
        `XINFANG_SMS_HTTP_SECRET must be at least ${MIN_HTTP_SECRET} characters`,
      ),
    );
  }
  if (missing.length > 0 || problems.length > 0 || !url || !sms.httpSecret) {
    throw incomplete('http', missing, problems);
  }
  if (url.protocol === 'http:' && !isLoopback(url)) {
    log.warn(
      { sms: { gateway: 'http', host: url.host } },
      '短信网关使用未加密的 http 地址，手机号和短信内容将明文传输',
    );
  }
  log.info({ sms: { gateway: 'http', host: url.host } }, '短信网关：HTTP');
  return httpGatewaySink({ url: url.toString(), secret: sms.httpSecret, fetch: deps.fetch, log });
}

/** Parses XINFANG_SMS_TENCENT_TEMPLATES; returns what is wrong instead of throwing. */
export function parseTencentTemplates(
  raw: string,
): { templates: Record<string, TencentTemplate> } | { problem: SmsConfigProblem } {
  const bad = problem(
    'XINFANG_SMS_TENCENT_TEMPLATES 应为 JSON 对象，如 {"login_code":"1234567","generic":"7654321"}',
    'XINFANG_SMS_TENCENT_TEMPLATES must be a JSON object such as {"login_code":"1234567","generic":"7654321"}',
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { problem: bad };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { problem: bad };
  const out: Record<string, TencentTemplate> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value === 'string' || typeof value === 'number') {
      if (String(value).trim() === '') return { problem: bad };
      out[name] = String(value);
      continue;
    }
    const spec = value as { id?: unknown; params?: unknown };
    const idOk = typeof spec?.id === 'string' || typeof spec?.id === 'number';
    const paramsOk =
      spec?.params === undefined ||
      (Array.isArray(spec.params) && spec.params.every((p) => typeof p === 'string'));
    if (!idOk || !paramsOk) {
      const p = problem(
        `XINFANG_SMS_TENCENT_TEMPLATES 中 ${name} 的值应为模板 ID 或 {"id":"…","params":["…"]}`,
        `XINFANG_SMS_TENCENT_TEMPLATES: ${name} must be a TemplateId or {"id":"…","params":["…"]}`,
      );
      return { problem: p };
    }
    out[name] = { id: String(spec.id), params: spec.params as string[] | undefined };
  }
  if (Object.keys(out).length === 0) return { problem: bad };
  return { templates: out };
}

function createTencent(sms: SmsConfig, log: Logger, deps: CreateSmsSinkDeps): SmsSink {
  const required: [keyof SmsConfig, string][] = [
    ['tencentSecretId', 'XINFANG_SMS_TENCENT_SECRET_ID'],
    ['tencentSecretKey', 'XINFANG_SMS_TENCENT_SECRET_KEY'],
    ['tencentAppId', 'XINFANG_SMS_TENCENT_APP_ID'],
    ['tencentSign', 'XINFANG_SMS_TENCENT_SIGN'],
    ['tencentTemplates', 'XINFANG_SMS_TENCENT_TEMPLATES'],
  ];
  const missing = required.filter(([key]) => !sms[key]).map(([, env]) => env);
  const problems: SmsConfigProblem[] = [];
  const parsed = sms.tencentTemplates ? parseTencentTemplates(sms.tencentTemplates) : undefined;
  const templates = parsed && 'templates' in parsed ? parsed.templates : undefined;
  if (parsed && 'problem' in parsed) problems.push(parsed.problem);
  const endpoint = sms.tencentEndpoint ? parseUrl(sms.tencentEndpoint) : undefined;
  if (endpoint === null) {
    problems.push(
      problem(
        'XINFANG_SMS_TENCENT_ENDPOINT 不是 http(s) 地址',
        'XINFANG_SMS_TENCENT_ENDPOINT is not an http(s) URL',
      ),
    );
  }
  if (
    missing.length > 0 ||
    problems.length > 0 ||
    !templates ||
    !sms.tencentSecretId ||
    !sms.tencentSecretKey ||
    !sms.tencentAppId ||
    !sms.tencentSign
  ) {
    throw incomplete('tencent', missing, problems);
  }
  if (templates[TENCENT_GENERIC_TEMPLATE] === undefined) {
    log.warn(
      { sms: { gateway: 'tencent', templates: Object.keys(templates) } },
      '腾讯云短信未配置 generic 模板：未映射的短信将无法发送（进入死信）',
    );
  }
  const region = sms.tencentRegion || TENCENT_DEFAULT_REGION;
  log.info(
    { sms: { gateway: 'tencent', region, endpoint: endpoint?.host, templates: Object.keys(templates) } },
    '短信网关：腾讯云短信',
  );
  return tencentSmsSink({
    secretId: sms.tencentSecretId,
    secretKey: sms.tencentSecretKey,
    sdkAppId: sms.tencentAppId,
    signName: sms.tencentSign,
    templates,
    region,
    endpoint: endpoint?.toString(),
    fetch: deps.fetch,
    log,
  });
}
