// Starting the platform: open the database, migrate, load reference data, seed the demo once,
// and build the context every command and route uses.
import type { Logger } from 'pino';
import { AuditSealer, type AuditSealerOptions } from '../audit/sealer.ts';
import type { AppConfig } from '../config/index.ts';
import type { AppContext } from '../context.ts';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { backfillSignatures } from '../duplicates/store.ts';
import { Dispatcher, type DispatcherOptions } from '../notify/dispatcher.ts';
import { createSmsSink } from '../notify/gateways/index.ts';
import { heldSink, type SmsSink } from '../notify/sinks.ts';
import { bootstrapOrgs } from '../orgs/bootstrap.ts';
import { backfillSearchTokens } from '../search/backfill.ts';
import { encryptLegacyPersonalData } from '../security/atRest.ts';
import { createPii, resolveSecret } from '../security/pii.ts';
import { seedDemo } from '../seed/demo.ts';
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
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const pii = createPii(
      resolveSecret({ secret: config.secret, dataDir: config.dataDir, embedded: database.kind === 'pglite' }),
    );
    const seededDemo = await database.db.transaction(async (tx) => {
      await bootstrapOrgs(tx);
      return config.demo && opts.seedDemo !== false ? seedDemo(tx, pii, config.demoPassword) : false;
    });
    // Cases without search tokens (from before the search migration) are tokenised now.
    const tokenised = await backfillSearchTokens(database.db);
    if (tokenised > 0) log.info({ cases: tokenised }, '已为存量信访事项建立全文检索索引');
    // Content signatures for cases that have none yet (older data, imports): idempotent, batched.
    await backfillSignatures(database.db, log);
    // Outbox bodies and stored documents written before they were encrypted (once per installation).
    await encryptLegacyPersonalData(database.db, pii, log);
    const dispatcher = new Dispatcher(database.db, pii, sink, log, {
      retentionDays: config.outboxRetentionDays,
      ...opts.dispatcher,
    });
    // PGlite has one connection: a seal pass there queues behind requests instead of beside them,
    // so it waits longer and seals more rows per pass (docs/architecture.md, "Audit chain").
    const auditSealer = new AuditSealer(database.db, log, {
      delayMs: database.kind === 'pglite' ? 1000 : 50,
      ...opts.auditSealer,
    });
    return { config, database, db: database.db, pii, dispatcher, auditSealer, log, seededDemo };
  } catch (e) {
    await database.close();
    throw e;
  }
}

export async function shutdown(ctx: AppContext): Promise<void> {
  await ctx.auditSealer.stop(); // seals what is left while the database is still open
  await ctx.dispatcher.stop();
  await ctx.database.close();
}
