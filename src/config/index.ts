// Runtime configuration. Every environment variable the platform reads is parsed and validated
// here, and documented in docs/configuration.md. An invalid value stops the start with a message
// naming every bad setting (ConfigError): a typo must never silently turn a defence off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { type ExchangeConfig, parsePeers } from '../domain/exchange/peers.ts';
import { privateKeyFromPem } from '../domain/exchange/signing.ts';
import { passwordProblem } from '../domain/passwords.ts';

export interface DbConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Embedded data directory (PGlite); `memory://` keeps everything in RAM (tests). */
  dataDir: string;
  /** PostgreSQL connections per process. */
  pgPoolMax?: number;
  /**
   * Streaming replicas of DATABASE_URL (DATABASE_READ_URL, comma-separated) for the reads that
   * tolerate lag (src/db/replicas.ts); empty: every read goes to the primary.
   */
  databaseReadUrls?: string[];
  /** How long a failed replica is left before it is tried again (ms; not an environment variable: tests). */
  replicaRetryMs?: number;
  /**
   * A PGlite data-dir dump (`dumpDataDir`, tar) an in-memory database starts from instead of an
   * empty one: the integration tests boot every file from one migrated, seeded snapshot.
   */
  embeddedSnapshot?: string;
}

/**
 * Which proxies may tell us the client's address (X-Forwarded-For), as Fastify's `trustProxy`
 * takes it: false (none), a hop count, or addresses/CIDR ranges of our own proxies. Never "every
 * hop": then any client could name its own address and step around the login limits.
 */
export type TrustProxy = false | number | string[];

export interface AppConfig extends DbConfig {
  port: number;
  host: string;
  /** Demo mode seeds demo accounts once and exposes /api/v1/auth/demo-accounts. */
  demo: boolean;
  demoPassword: string;
  /** Synthetic cases (24 months of history) seeded with the demo accounts on first start. */
  demoCases: number;
  /** Secret for PII encryption and keyed hashes; generated into the data dir in embedded mode. */
  secret?: string;
  logLevel: string;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Login and SMS-code requests allowed per client IP per minute. */
  loginRatePerMinute: number;
  /** Send cookies with the Secure flag (behind HTTPS). */
  cookieSecure: boolean;
  /** XINFANG_TRUST_PROXY: see TrustProxy. */
  trustProxy: TrustProxy;
  /** SMS gateway settings, as given; checked by createSmsSink (src/notify/gateways/index.ts). */
  sms: SmsConfig;
  /** Days an SMS body and number stay in the outbox after delivery (or dead-lettering). */
  outboxRetentionDays: number;
  /**
   * Years an audit-log partition stays in the database before `xinfang archive` may move it to a
   * file (src/partitions/archive.ts); younger audit rows are refused.
   */
  auditRetentionYears: number;
  /** Years a timeline (case_events) partition stays in the database before it may be archived. */
  historyRetentionYears: number;
  /**
   * The case list counts at most this many matches for its `total` (more: "10,000+", `totalCapped`).
   * An exact count of a whole province scans every matching row (≈ 0.7 s at 1M cases).
   */
  listCountCap: number;
  /** Disk-space watchdog of the embedded data dir (src/db/diskWatchdog.ts). */
  disk: DiskConfig;
  /** 视频接访: STUN/TURN servers handed to the browsers (none on loopback; docs/video.md). */
  video: VideoConfig;
  /** Where attachment bytes are kept (src/attachments/store.ts; docs/attachments.md). */
  attachmentStore: AttachmentStoreChoice;
  /** 平台间交换 and 12345 linkage: this platform's id, key and peers (src/exchange; docs/interop.md). */
  exchange: ExchangeConfig;
  /** 微信信访: the official account (src/wechat/; docs/configuration.md); absent: off. */
  wechat?: WechatConfig;
}

export const WECHAT_OAUTH_SCOPES = ['snsapi_base', 'snsapi_userinfo'] as const;

export interface WechatConfig {
  appId: string;
  appSecret: string;
  /** The WeChat API (https://api.weixin.qq.com); tests point it at a local stand-in. */
  apiBase: string;
  /** The OAuth authorisation page (https://open.weixin.qq.com). */
  oauthBase: string;
  /** The portal's public origin as WeChat sees it (https://xf.example.gov.cn): OAuth redirect_uri, links. */
  publicUrl?: string;
  scope: (typeof WECHAT_OAUTH_SCOPES)[number];
  /** 模板消息 template for progress notices; absent: notices go by SMS only. */
  templateId?: string;
}

export const ATTACHMENT_STORES = ['auto', 'fs', 'db'] as const;
/** auto: the data dir on the embedded database, the database itself on PostgreSQL or in memory. */
export type AttachmentStoreChoice = (typeof ATTACHMENT_STORES)[number];

export interface VideoConfig {
  stunUrls: string[];
  turnUrls: string[];
  /** coturn `static-auth-secret`: time-limited TURN credentials per user (TURN REST API). */
  turnSecret?: string;
  /** Or a fixed TURN account (coturn `user=`). */
  turnUsername?: string;
  turnPassword?: string;
  /** Largest recording accepted, in MB. */
  maxRecordingMb: number;
}

export interface DiskConfig {
  /** Below this much free space administrators are warned (log + a warning in the console). */
  warnMb: number;
  /** Below this, changes are refused (507) so the embedded engine never meets a full disk; 0: off. */
  minFreeMb: number;
  /** How often the free space is read (also before a change, if the last reading is older than 1 s). */
  checkSeconds: number;
}

export interface SmsConfig {
  /** http | tencent | console (demo mode only) | off; unset: console in demo mode, else an error. */
  gateway?: string;
  httpUrl?: string;
  httpSecret?: string;
  tencentSecretId?: string;
  tencentSecretKey?: string;
  /** SmsSdkAppId */
  tencentAppId?: string;
  /** SignName (短信签名) */
  tencentSign?: string;
  /** JSON object: our template name → Tencent TemplateId (or { "id", "params": [names] }). */
  tencentTemplates?: string;
  tencentRegion?: string;
  tencentEndpoint?: string;
}

export const DEFAULT_DEMO_PASSWORD = 'Xinfang@2026';
export const DEFAULT_LIST_COUNT_CAP = 10_000;
export const DEFAULT_OUTBOX_RETENTION_DAYS = 30;
/** 审计日志 kept 10 years in the database (docs/operations.md "Archive"); the archive file after. */
export const DEFAULT_AUDIT_RETENTION_YEARS = 10;
export const DEFAULT_HISTORY_RETENTION_YEARS = 10;
export const SMS_GATEWAY_NAMES = ['console', 'http', 'tencent', 'off'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One or more settings are invalid. The message lists each, in Chinese and English. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = NodeJS.ProcessEnv;

/** Reads settings, collecting every problem instead of stopping at the first. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** The trimmed value, or undefined when unset or blank (blank means "use the default"). */
  raw(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  private check<T>(name: string, schema: z.ZodType<T>, fallback: T, zh: string, en: string): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const r = schema.safeParse(v);
    if (r.success) return r.data;
    this.problems.push(`${name}=${v}：${zh} / ${en}`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const schema = z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
    return this.check(
      name,
      schema,
      fallback,
      `应为 ${min} 到 ${max} 之间的整数`,
      `must be an integer ${min}–${max}`,
    );
  }

  bool(name: string, fallback: boolean): boolean {
    const schema = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');
    return this.check(name, schema, fallback, '应为 1 或 0', 'must be 1 or 0');
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const schema = z
      .string()
      .transform((v) => v.toLowerCase())
      .pipe(z.enum(values as [T, ...T[]]));
    return this.check(
      name,
      schema,
      fallback,
      `应为 ${values.join(' | ')}`,
      `must be one of ${values.join(' | ')}`,
    );
  }

  fail(name: string, value: string, zh: string, en: string): void {
    this.problems.push(`${name}=${value}：${zh} / ${en}`);
  }
}

export function dbConfigFromEnv(opts: { data?: string } = {}, env: Env = process.env): DbConfig {
  const r = new Reader(env);
  const db = readDb(r, opts);
  throwIfProblems(r);
  return db;
}

function readDb(r: Reader, opts: { data?: string }): DbConfig {
  const databaseUrl = r.raw('DATABASE_URL');
  const dataDir = opts.data ?? r.raw('XINFANG_DATA') ?? './data';
  const readRaw = r.raw('DATABASE_READ_URL');
  const databaseReadUrls = (readRaw ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  // The value is never echoed: a connection string may carry a password.
  if (readRaw && !databaseUrl)
    r.fail(
      'DATABASE_READ_URL',
      '…',
      '只读副本需要同时设置 DATABASE_URL（嵌入式数据库没有副本）',
      'read replicas need DATABASE_URL (the embedded database has none)',
    );
  if (databaseReadUrls.some((u) => !/^postgres(ql)?:\/\//.test(u)))
    r.fail(
      'DATABASE_READ_URL',
      '…',
      '每一项应为 postgres:// 连接串，多个用逗号分隔',
      'each entry must be a postgres:// connection string, comma-separated',
    );
  return {
    databaseUrl,
    databaseReadUrls: databaseUrl ? databaseReadUrls : [],
    dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir),
    pgPoolMax: r.int('PG_POOL_MAX', 20, 1, 1000),
  };
}

function throwIfProblems(r: Reader): void {
  if (r.problems.length === 0) return;
  throw new ConfigError(
    `配置错误，平台未启动 / invalid configuration, not starting:\n${r.problems.map((p) => `  - ${p}`).join('\n')}\n` +
      '见 / see docs/configuration.md',
  );
}

export function appConfigFromEnv(
  opts: { data?: string; port?: number; host?: string; demo?: boolean } = {},
  env: Env = process.env,
): AppConfig {
  const r = new Reader(env);
  const db = readDb(r, opts);
  const secret = r.raw('XINFANG_SECRET');
  if (secret !== undefined && secret.length < 16)
    r.fail('XINFANG_SECRET', '…', '至少需要16个字符', 'must be at least 16 characters');
  const demo = opts.demo ?? r.bool('XINFANG_DEMO', !db.databaseUrl);
  const demoPassword = r.raw('XINFANG_DEMO_PASSWORD') ?? DEFAULT_DEMO_PASSWORD;
  const weak = demo ? passwordProblem(demoPassword) : null;
  if (weak) r.fail('XINFANG_DEMO_PASSWORD', '…', weak.message, weak.en);
  if (opts.port !== undefined && !(Number.isInteger(opts.port) && opts.port >= 1 && opts.port <= 65535))
    r.fail('--port', String(opts.port), '应为 1 到 65535 之间的整数', 'must be an integer 1–65535');
  const config: AppConfig = {
    ...db,
    port: opts.port ?? r.int('PORT', 3000, 1, 65535),
    host: opts.host ?? r.raw('HOST') ?? '127.0.0.1',
    // Demo is the default on the embedded database, off on a real server unless asked for.
    demo,
    demoPassword,
    demoCases: r.int('XINFANG_DEMO_CASES', 6000, 0, 10_000_000),
    secret,
    logLevel: r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    sessionHours: r.int('XINFANG_SESSION_HOURS', 12, 1, 24 * 30),
    loginRatePerMinute: r.int('XINFANG_LOGIN_RATE_PER_MINUTE', 20, 1, 100_000),
    cookieSecure: r.bool('XINFANG_COOKIE_SECURE', false),
    trustProxy: readTrustProxy(r),
    sms: readSms(r),
    outboxRetentionDays: r.int('XINFANG_OUTBOX_RETENTION_DAYS', DEFAULT_OUTBOX_RETENTION_DAYS, 1, 3650),
    auditRetentionYears: r.int('XINFANG_AUDIT_RETENTION_YEARS', DEFAULT_AUDIT_RETENTION_YEARS, 1, 100),
    historyRetentionYears: r.int('XINFANG_HISTORY_RETENTION_YEARS', DEFAULT_HISTORY_RETENTION_YEARS, 1, 100),
    listCountCap: r.int('XINFANG_LIST_COUNT_CAP', DEFAULT_LIST_COUNT_CAP, 1, 100_000_000),
    disk: readDisk(r),
    video: readVideo(r),
    attachmentStore: r.oneOf('XINFANG_ATTACHMENT_STORE', ATTACHMENT_STORES, 'auto'),
    exchange: readExchange(r),
    wechat: readWechat(r),
  };
  throwIfProblems(r);
  return config;
}

/** 平台间交换: a value may be given inline or as `@/path/to/file`. */
function readExchange(r: Reader): ExchangeConfig {
  const fromFile = (name: string): string | undefined => {
    const v = r.raw(name);
    if (v === undefined || !v.startsWith('@')) return v;
    try {
      return readFileSync(v.slice(1), 'utf8');
    } catch {
      r.fail(name, v, '文件无法读取', 'file cannot be read');
      return undefined;
    }
  };
  const platformId = r.raw('XINFANG_PLATFORM_ID') ?? 'xinfang';
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(platformId))
    r.fail(
      'XINFANG_PLATFORM_ID',
      platformId,
      '应为2–40位小写字母、数字或连字符',
      'must be 2–40 of a-z, 0-9, -',
    );
  const privateKeyPem = fromFile('XINFANG_EXCHANGE_PRIVATE_KEY');
  if (privateKeyPem !== undefined)
    try {
      privateKeyFromPem(privateKeyPem);
    } catch {
      r.fail(
        'XINFANG_EXCHANGE_PRIVATE_KEY',
        '…',
        '不是 Ed25519 私钥（PKCS#8 PEM）',
        'not an Ed25519 PKCS#8 PEM key',
      );
    }
  const peersText = fromFile('XINFANG_EXCHANGE_PEERS');
  let peers: ExchangeConfig['peers'] = [];
  if (peersText !== undefined) {
    const parsed = parsePeers(peersText);
    if ('problem' in parsed) r.fail('XINFANG_EXCHANGE_PEERS', '…', parsed.problem, 'invalid peer list');
    else peers = parsed.peers;
  }
  return {
    platformId,
    platformName: r.raw('XINFANG_PLATFORM_NAME') ?? '信访平台',
    privateKeyPem,
    peers,
  };
}

/** 微信信访: on when both the app id and secret are given; one without the other is an error. */
function readWechat(r: Reader): WechatConfig | undefined {
  const appId = r.raw('XINFANG_WECHAT_APP_ID');
  const appSecret = r.raw('XINFANG_WECHAT_APP_SECRET');
  const url = (name: string, fallback: string | undefined) => {
    const v = r.raw(name);
    if (v === undefined) return fallback;
    if (!/^https?:\/\/[^/?#\s]+/.test(v)) r.fail(name, v, '应为 http(s) 地址', 'must be an http(s) URL');
    return v.replace(/\/+$/, '');
  };
  const apiBase = url('XINFANG_WECHAT_API_BASE', 'https://api.weixin.qq.com') ?? '';
  const oauthBase = url('XINFANG_WECHAT_OAUTH_BASE', 'https://open.weixin.qq.com') ?? '';
  const publicUrl = url('XINFANG_WECHAT_PUBLIC_URL', undefined);
  const scope = r.oneOf('XINFANG_WECHAT_OAUTH_SCOPE', WECHAT_OAUTH_SCOPES, 'snsapi_base');
  const templateId = r.raw('XINFANG_WECHAT_TEMPLATE_ID');
  if (!appId && !appSecret) return undefined;
  if (!appId || !appSecret) {
    const missing = appId ? 'XINFANG_WECHAT_APP_SECRET' : 'XINFANG_WECHAT_APP_ID';
    r.fail(
      missing,
      '',
      '微信公众号须同时设置 AppID 与 AppSecret',
      'the WeChat app id and secret go together',
    );
    return undefined;
  }
  return { appId, appSecret, apiBase, oauthBase, publicUrl, scope, templateId };
}

/** STUN/TURN for video reception: comma-separated URLs, checked for their scheme. */
function readVideo(r: Reader): VideoConfig {
  const urls = (name: string, schemes: RegExp, scheme: string) => {
    const v = r.raw(name);
    if (v === undefined) return [];
    const list = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const u of list)
      if (!schemes.test(u))
        r.fail(name, u, `应以 ${scheme}: 或 ${scheme}s: 开头`, `must start with ${scheme}: or ${scheme}s:`);
    return list;
  };
  const video: VideoConfig = {
    stunUrls: urls('XINFANG_STUN_URLS', /^stuns?:/, 'stun'),
    turnUrls: urls('XINFANG_TURN_URLS', /^turns?:/, 'turn'),
    turnSecret: r.raw('XINFANG_TURN_SECRET'),
    turnUsername: r.raw('XINFANG_TURN_USERNAME'),
    turnPassword: r.raw('XINFANG_TURN_PASSWORD'),
    maxRecordingMb: r.int('XINFANG_VIDEO_MAX_RECORDING_MB', 200, 1, 4096),
  };
  if (video.turnUrls.length > 0 && !video.turnSecret && !(video.turnUsername && video.turnPassword))
    r.fail(
      'XINFANG_TURN_URLS',
      '…',
      '使用 TURN 时须设置 XINFANG_TURN_SECRET 或 XINFANG_TURN_USERNAME 与 XINFANG_TURN_PASSWORD',
      'TURN needs XINFANG_TURN_SECRET or XINFANG_TURN_USERNAME and XINFANG_TURN_PASSWORD',
    );
  return video;
}

/** The embedded data dir's disk watchdog (src/db/diskWatchdog.ts; docs/operations.md). */
function readDisk(r: Reader): DiskConfig {
  const disk = {
    warnMb: r.int('XINFANG_DISK_WARN_MB', 2048, 0, 10_000_000),
    minFreeMb: r.int('XINFANG_DISK_MIN_FREE_MB', 256, 0, 10_000_000),
    checkSeconds: r.int('XINFANG_DISK_CHECK_SECONDS', 10, 1, 86_400),
  };
  if (disk.warnMb < disk.minFreeMb) {
    r.fail(
      'XINFANG_DISK_WARN_MB',
      String(disk.warnMb),
      `应不小于 XINFANG_DISK_MIN_FREE_MB（${disk.minFreeMb}）`,
      `must not be below XINFANG_DISK_MIN_FREE_MB (${disk.minFreeMb})`,
    );
  }
  return disk;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:]+(:(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3})?$/i;

/** A proxy address or range as Fastify (proxy-addr) takes it: 10.0.0.1, 10.0.0.0/8, ::1, fd00::/8. */
export function isProxyAddress(s: string): boolean {
  const [addr = '', bits, ...rest] = s.split('/');
  if (rest.length > 0) return false;
  const v4 = IPV4.test(addr);
  const v6 = !v4 && addr.includes(':') && IPV6.test(addr);
  if (!v4 && !v6) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (v4 ? 32 : 128);
}

function readTrustProxy(r: Reader): TrustProxy {
  const name = 'XINFANG_TRUST_PROXY';
  const v = r.raw(name);
  if (v === undefined || v === '0' || v.toLowerCase() === 'false') return false;
  // A hop count: 1 = one reverse proxy in front (its address is the last in X-Forwarded-For).
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n >= 1 && n <= 10) return n;
    r.fail(name, v, '代理层数应为 1 到 10', 'a hop count must be 1–10');
    return false;
  }
  const list = v.split(',').map((s) => s.trim());
  if (list.every(isProxyAddress)) return list;
  r.fail(
    name,
    v,
    '应为 0、代理层数（如 1）或代理地址/网段列表（如 10.0.0.0/8,127.0.0.1）；不支持信任所有代理',
    'must be 0, a hop count (e.g. 1) or a list of proxy addresses/CIDR ranges (e.g. 10.0.0.0/8,127.0.0.1); trusting every hop is not supported',
  );
  return false;
}

function readSms(r: Reader): SmsConfig {
  const gateway = r.raw('XINFANG_SMS_GATEWAY')
    ? r.oneOf('XINFANG_SMS_GATEWAY', SMS_GATEWAY_NAMES, 'off')
    : undefined;
  return { ...smsConfigFromEnv(r), gateway };
}

/** The XINFANG_SMS_* variables as given (the gateway name lower-cased, not checked here). */
export function smsConfigFromEnv(source: Env | Reader = process.env): SmsConfig {
  const v = (name: string) =>
    source instanceof Reader ? source.raw(name) : source[name]?.trim() || undefined;
  return {
    gateway: v('XINFANG_SMS_GATEWAY')?.toLowerCase(),
    httpUrl: v('XINFANG_SMS_HTTP_URL'),
    httpSecret: v('XINFANG_SMS_HTTP_SECRET'),
    tencentSecretId: v('XINFANG_SMS_TENCENT_SECRET_ID'),
    tencentSecretKey: v('XINFANG_SMS_TENCENT_SECRET_KEY'),
    tencentAppId: v('XINFANG_SMS_TENCENT_APP_ID'),
    tencentSign: v('XINFANG_SMS_TENCENT_SIGN'),
    tencentTemplates: v('XINFANG_SMS_TENCENT_TEMPLATES'),
    tencentRegion: v('XINFANG_SMS_TENCENT_REGION'),
    tencentEndpoint: v('XINFANG_SMS_TENCENT_ENDPOINT'),
  };
}
