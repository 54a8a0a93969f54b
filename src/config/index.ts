// Runtime configuration. Every environment variable the platform reads is parsed here,
// and documented in docs/configuration.md.
import path from 'node:path';

export interface DbConfig {
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** Embedded data directory (PGlite); `memory://` keeps everything in RAM (tests). */
  dataDir: string;
}

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
  /** SMS gateway settings, as given; validated by createSmsSink (src/notify/gateways/index.ts). */
  sms: SmsConfig;
  /**
   * The case list counts at most this many matches for its `total` (more: "10,000+", `totalCapped`).
   * An exact count of a whole province scans every matching row (≈ 0.7 s at 1M cases).
   */
  listCountCap: number;
  /** Disk-space watchdog of the embedded data dir (src/db/diskWatchdog.ts). */
  disk: DiskConfig;
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
  /** console (default) | http | tencent */
  gateway: string;
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

export function dbConfigFromEnv(opts: { data?: string } = {}): DbConfig {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = opts.data ?? process.env.XINFANG_DATA ?? './data';
  return { databaseUrl, dataDir: dataDir.startsWith('memory://') ? dataDir : path.resolve(dataDir) };
}

export function appConfigFromEnv(
  opts: { data?: string; port?: number; host?: string; demo?: boolean } = {},
): AppConfig {
  const db = dbConfigFromEnv(opts);
  return {
    ...db,
    port: opts.port ?? Number(process.env.PORT ?? 3000),
    host: opts.host ?? process.env.HOST ?? '127.0.0.1',
    // Demo is the default on the embedded database, off on a real server unless asked for.
    demo: opts.demo ?? (process.env.XINFANG_DEMO ? process.env.XINFANG_DEMO === '1' : !db.databaseUrl),
    demoPassword: process.env.XINFANG_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    demoCases: demoCasesFromEnv(process.env.XINFANG_DEMO_CASES),
    secret: process.env.XINFANG_SECRET || undefined,
    logLevel: process.env.LOG_LEVEL ?? 'info',
    sessionHours: Number(process.env.XINFANG_SESSION_HOURS ?? 12),
    loginRatePerMinute: Number(process.env.XINFANG_LOGIN_RATE_PER_MINUTE ?? 20),
    cookieSecure: process.env.XINFANG_COOKIE_SECURE === '1',
    sms: smsConfigFromEnv(),
    listCountCap: listCountCapFromEnv(process.env.XINFANG_LIST_COUNT_CAP),
    disk: diskConfigFromEnv(process.env),
  };
}

export function diskConfigFromEnv(env: NodeJS.ProcessEnv): DiskConfig {
  const int = (name: string, fallback: number, min: number) => {
    const v = env[name]?.trim();
    if (!v) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${name} 应为不小于 ${min} 的整数 / must be an integer ≥ ${min}: ${v}`);
    return n;
  };
  const disk = {
    warnMb: int('XINFANG_DISK_WARN_MB', 2048, 0),
    minFreeMb: int('XINFANG_DISK_MIN_FREE_MB', 256, 0),
    checkSeconds: int('XINFANG_DISK_CHECK_SECONDS', 10, 1),
  };
  if (disk.warnMb < disk.minFreeMb) {
    throw new Error(
      `XINFANG_DISK_WARN_MB (${disk.warnMb}) 应不小于 XINFANG_DISK_MIN_FREE_MB (${disk.minFreeMb}) / must not be below it`,
    );
  }
  return disk;
}

function listCountCapFromEnv(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return DEFAULT_LIST_COUNT_CAP;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`XINFANG_LIST_COUNT_CAP 应为正整数 / must be a positive integer: ${v}`);
  return n;
}

function demoCasesFromEnv(v: string | undefined): number {
  if (v === undefined || v.trim() === '') return 3000;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`XINFANG_DEMO_CASES 应为非负整数 / must be a non-negative integer: ${v}`);
  return n;
}

export function smsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmsConfig {
  const v = (name: string) => env[name]?.trim() || undefined;
  return {
    gateway: v('XINFANG_SMS_GATEWAY')?.toLowerCase() ?? 'console',
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
