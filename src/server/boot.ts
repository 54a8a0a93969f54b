// Starting the platform: open the database, migrate, load reference data, seed the demo once,
// and build the context every command and route uses.
import fs from 'node:fs';
import type { Logger } from 'pino';
import { backfillSubcategoryRollups } from '../analytics/subcategoryBackfill.ts';
import { AuditSealer, type AuditSealerOptions } from '../audit/sealer.ts';
import { loadSuppliedCalendar } from '../calendar/loader.ts';
import { wireCapabilities } from '../capabilities.ts';
import type { AppConfig } from '../config/index.ts';
import type { AppContext } from '../context.ts';
import { onChange, startCacheBus } from '../db/cacheBus.ts';
import { openDatabase } from '../db/client.ts';
import { DiskWatchdog } from '../db/diskWatchdog.ts';
import { migrate, withStartupLock } from '../db/migrate.ts';
import { StatisticsKeeper } from '../db/statistics.ts';
import { backfillSignatures } from '../duplicates/store.ts';
import { Dispatcher, type DispatcherOptions } from '../notify/dispatcher.ts';
import { createSmsSink } from '../notify/gateways/index.ts';
import { heldSink, type SmsSink } from '../notify/sinks.ts';
import { bootstrapOrgs } from '../orgs/bootstrap.ts';
import { maintainPartitions } from '../partitions/maintain.ts';
import { backfillSearchTokens } from '../search/backfill.ts';
import { encryptLegacyPersonalData } from '../security/atRest.ts';
import { checkStoredKey, KeyMismatchError } from '../security/keyCheck.ts';
import { createPii, resolveSecret } from '../security/pii.ts';
import { seedDemo } from '../seed/demo.ts';
import { raiseStorageWarning } from '../warnings/storage.ts';
import { startWechat } from '../wechat/index.ts';
import { createLogger } from './logging.ts';

export interface BootOptions {
  log?: Logger;
  sink?: SmsSink;
  /**
   * false: this command only writes to the outbox (seeding, rebuilds); the server sends later, so
   * no gateway is needed here. Default true: the configured gateway, checked before anything else.
   */
  deliverSms?: boolean;
  /** Seed the demo accounts in demo mode (default); false for commands that must not. */
  seedDemo?: boolean;
  dispatcher?: DispatcherOptions;
  auditSealer?: AuditSealerOptions;
}

export { createLogger, LOG_REDACT } from './logging.ts';

export async function boot(
  config: AppConfig,
  opts: BootOptions = {},
): Promise<AppContext & { seededDemo: boolean }> {
  const log = opts.log ?? createLogger(config.logLevel);
  // Before the database is touched: a production start without an SMS gateway stops here.
  const sink = opts.sink ?? (opts.deliverSms === false ? heldSink() : createSmsSink(config, log));
  const database = await openDatabase(config, {
    replicaLog: (level, message, fields) => log[level](fields, message),
  });
  try {
    await migrate(database);
    // Years of holidays administrators entered, before any due date is computed (src/calendar/).
    await loadSuppliedCalendar(database.db);
    // Entered on another API process: installed here from the database (src/db/cacheBus.ts).
    onChange(database.db, 'calendar', () => loadSuppliedCalendar(database.db).then(() => undefined));
    const key = resolveSecret({
      secret: config.secret,
      dataDir: config.dataDir,
      embedded: database.kind === 'pglite',
    });
    const pii = createPii(key.secret);
    // Several workers or hosts starting together: one at a time through the first-start writes.
    const seededDemo = await withStartupLock(database, async () => {
      await checkStoredKey(database.db, pii, key.source).catch((e) => {
        // A key generated just now for a data dir that has data is never the right one: leave the
        // place free for the real secret.key.
        if (!key.generatedFile) throw e;
        fs.rmSync(key.generatedFile, { force: true });
        throw e instanceof KeyMismatchError ? new KeyMismatchError(key.generatedFile, true) : e;
      });
      const seeded = await database.db.transaction(async (tx) => {
        await bootstrapOrgs(tx);
        return config.demo && opts.seedDemo !== false ? seedDemo(tx, pii, config.demoPassword) : false;
      });
      // This month's partitions and the next three, and a partition for each month whose rows wait
      // in a DEFAULT partition (the demo's history, seeded just now): src/partitions/maintain.ts.
      await maintainPartitions(database.db);
      // Cases without search tokens (from before the search migration) are tokenised now.
      const tokenised = await backfillSearchTokens(database.db);
      if (tokenised > 0) log.info({ cases: tokenised }, '已为存量信访事项建立全文检索索引');
      // Content signatures for cases that have none yet (older data, imports): idempotent, batched.
      await backfillSignatures(database.db, log);
      // The breakdown by 细分类 for matters given one before it was counted (once per installation).
      const subcategorized = await backfillSubcategoryRollups(database.db);
      if (subcategorized > 0) log.info({ cases: subcategorized }, '已补计存量信访事项的细分类统计');
      // Outbox bodies and stored documents written before they were encrypted (once per installation).
      await encryptLegacyPersonalData(database.db, pii, log);
      return seeded;
    });
    const dispatcher = new Dispatcher(database.db, pii, sink, log, {
      retentionDays: config.outboxRetentionDays,
      ...opts.dispatcher,
    });
    const wechat = startWechat(config.wechat, { db: database.db, pii, dispatcher, log });
    // PGlite has one connection: a seal pass there queues behind requests instead of beside them,
    // so it waits longer and seals more rows per pass (docs/architecture.md, "Audit chain").
    const auditSealer = new AuditSealer(database.db, log, {
      delayMs: database.kind === 'pglite' ? 1000 : 50,
      ...opts.auditSealer,
    });
    // The embedded data dir's disk: read once now, so a start on a nearly full disk is read-only
    // from its first request (started periodically by `xinfang serve`).
    let disk: DiskWatchdog | undefined;
    if (database.kind === 'pglite' && !config.dataDir.startsWith('memory://')) {
      disk = new DiskWatchdog(config.dataDir, config.disk, log, (r) => raiseStorageWarning(database.db, r));
      await disk.check();
    }
    // No autovacuum in the embedded database: statistics are kept fresh by hand, once now (data
    // loaded or restored while it was stopped) and periodically from `xinfang serve`.
    const statistics = database.kind === 'pglite' ? new StatisticsKeeper(database.db, log) : undefined;
    if (statistics && !config.dataDir.startsWith('memory://')) await statistics.run();
    const cacheBus = config.databaseUrl ? await startCacheBus(database, config.databaseUrl, log) : undefined;
    if (cacheBus) {
      // Its connection ends with the database, also for callers that only close the database.
      const close = database.close;
      database.close = async () => {
        await cacheBus.stop();
        await close();
      };
    }
    return {
      config,
      database,
      db: database.db,
      pii,
      dispatcher,
      auditSealer,
      log,
      disk,
      statistics,
      cacheBus,
      wechat,
      seededDemo,
      ...wireCapabilities(),
    };
  } catch (e) {
    await database.close();
    throw e;
  }
}

export async function shutdown(ctx: AppContext): Promise<void> {
  ctx.disk?.stop();
  await ctx.statistics?.stop();
  await ctx.auditSealer.stop(); // seals what is left while the database is still open
  await ctx.dispatcher.stop();
  await ctx.database.close(); // and the cache bus's connection (above)
}
