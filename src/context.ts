// What commands and routes need from the running platform, built once at start (src/server/boot.ts).
import type { Logger } from 'pino';
import type { AuditSealer } from './audit/sealer.ts';
import type { CaseExtensions } from './cases/extensions.ts';
import type { EventBus } from './commands/events.ts';
import type { AppConfig } from './config/index.ts';
import type { CacheBus } from './db/cacheBus.ts';
import type { Database, Db } from './db/client.ts';
import type { DiskWatchdog } from './db/diskWatchdog.ts';
import type { StatisticsKeeper } from './db/statistics.ts';
import type { PlatformEvents } from './events.ts';
import type { Dispatcher } from './notify/dispatcher.ts';
import type { Pii } from './security/pii.ts';
import type { WechatApi } from './wechat/client.ts';

export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  pii: Pii;
  dispatcher: Dispatcher;
  /** Chains committed audit rows after commit (src/audit/sealer.ts). */
  auditSealer: AuditSealer;
  log: Logger;
  /** Events published inside commands, and their subscribers (src/capabilities.ts). */
  events: EventBus<PlatformEvents>;
  /** What other capabilities add to cases (src/cases/extensions.ts). */
  caseExtensions: CaseExtensions;
  /**
   * Other processes' changes to what this one keeps in memory (PostgreSQL LISTEN/NOTIFY,
   * src/db/cacheBus.ts); absent on the embedded database, which has one process.
   */
  cacheBus?: CacheBus;
  /** Free space of the embedded data dir (src/db/diskWatchdog.ts); absent on PostgreSQL and in memory. */
  disk?: DiskWatchdog;
  /**
   * Planner statistics upkeep of the embedded database, which has no autovacuum (src/db/statistics.ts);
   * absent on PostgreSQL.
   */
  statistics?: StatisticsKeeper;
  /** 微信信访: the official account's API, when configured (src/wechat/; XINFANG_WECHAT_*). */
  wechat?: WechatApi;
}
