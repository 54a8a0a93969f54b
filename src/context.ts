// What commands and routes need from the running platform, built once at start (src/server/boot.ts).
import type { Logger } from 'pino';
import type { AuditSealer } from './audit/sealer.ts';
import type { AppConfig } from './config/index.ts';
import type { Database, Db } from './db/client.ts';
import type { Dispatcher } from './notify/dispatcher.ts';
import type { Pii } from './security/pii.ts';

export interface AppContext {
  config: AppConfig;
  database: Database;
  db: Db;
  pii: Pii;
  dispatcher: Dispatcher;
  /** Chains committed audit rows after commit (src/audit/sealer.ts). */
  auditSealer: AuditSealer;
  log: Logger;
}
