// Seeded copies of the run's snapshot (test/helpers/snapshot.ts): several files start from the same
// synthetic cases (`seedCases` with one count, seed and clock), and seeding 1,500–2,000 matters is
// most of such a file's set-up. The first file that asks for a variant seeds it once — on a
// platform booted from the snapshot, exactly as the file would have — and keeps the result beside
// the snapshot; every file then boots from its own copy of that.
// - PGlite: a tar file next to the snapshot's, written to a temporary name and renamed, so two
//   workers asking at once both seed (same data) and neither reads half a file.
// - PostgreSQL: a template database, made under an advisory lock held by the asking worker, so a
//   second worker waits for the first instead of seeding again.
// The global set-up's teardown removes both (`SEEDED_PREFIX`).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { AppConfig } from '../../src/config/index.ts';
import type { AppContext } from '../../src/context.ts';
import { memorySink } from '../../src/notify/sinks.ts';
import { seedCases } from '../../src/seed/cases.ts';
import { boot, shutdown } from '../../src/server/boot.ts';
import { createLogger } from '../../src/server/logging.ts';

/** What `seedCases` is asked for; `now` absent means the clock when the variant is first seeded. */
export interface SeededCases {
  count: number;
  seed: number;
  now?: Date;
}

/** Suffix of the seeded copies: `<snapshot file or template database>_s_<key>`. */
export const SEEDED_PREFIX = '_s_';

function variantKey(c: SeededCases): string {
  return createHash('sha256')
    .update(`${c.count}/${c.seed}/${c.now?.toISOString() ?? 'now'}`)
    .digest('hex')
    .slice(0, 10);
}

/**
 * Readies a booted platform to be copied: seals the audit rows and stops the background work; for
 * PGlite also writes its data dir to `file` (returned) — after a checkpoint, since the dump is of a
 * running engine and loading it would replay the WAL, where a sequence jumps ahead by its prefetch
 * (audit seq 1 → 33). The caller closes the database.
 */
export async function readyForCopy(ctx: AppContext, file: string): Promise<string | undefined> {
  await ctx.auditSealer.stop();
  await ctx.dispatcher.stop();
  await ctx.statistics?.stop();
  if (!ctx.database.pglite) return undefined;
  await ctx.database.pglite.exec('CHECKPOINT');
  const dump = await ctx.database.pglite.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** Boots a platform on `config`, seeds the cases, and — for PGlite — dumps it to a new file. */
async function seedOn(config: AppConfig, cases: SeededCases): Promise<string | undefined> {
  const ctx = await boot(config, { log: createLogger('silent'), sink: memorySink() });
  try {
    await seedCases(ctx.db, ctx.pii, cases);
    return await readyForCopy(
      ctx,
      `${config.embeddedSnapshot}${SEEDED_PREFIX}tmp-${process.pid}-${Date.now()}`,
    );
  } finally {
    await shutdown(ctx);
  }
}

/** The PGlite snapshot file with these cases seeded, made on first use. */
export async function seededPgliteSnapshot(config: AppConfig, cases: SeededCases): Promise<string> {
  const base = config.embeddedSnapshot;
  if (!base) throw new Error('seededPgliteSnapshot: the run has no PGlite snapshot');
  const target = `${base}${SEEDED_PREFIX}${variantKey(cases)}`;
  if (fs.existsSync(target)) return target;
  const made = await seedOn(config, cases);
  if (!made) throw new Error('seededPgliteSnapshot: no dump was written');
  fs.renameSync(made, target); // atomic: readers see all of it or none
  return target;
}

/** The template database with these cases seeded (made on first use); its name. */
export async function seededPgTemplate(
  baseUrl: string,
  template: string,
  config: AppConfig,
  cases: SeededCases,
): Promise<string> {
  const name = `${template}${SEEDED_PREFIX}${variantKey(cases)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    // Held until this worker has made the template (or found it): a second asker waits here.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      const url = new URL(baseUrl);
      url.pathname = `/${name}`;
      try {
        await seedOn({ ...config, databaseUrl: url.toString(), embeddedSnapshot: undefined }, cases);
      } catch (e) {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        throw e;
      }
      await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
    }
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  } finally {
    await admin.end();
  }
  return name;
}

/** Removes this run's seeded copies (the global set-up's teardown). */
export async function dropSeeded(
  baseUrl: string | undefined,
  template: string,
  snapshot: string | undefined,
) {
  if (snapshot) {
    const dir = path.dirname(snapshot);
    const prefix = `${path.basename(snapshot)}${SEEDED_PREFIX}`;
    for (const f of fs.readdirSync(dir))
      if (f.startsWith(prefix)) fs.rmSync(path.join(dir, f), { force: true });
  }
  if (baseUrl && template) {
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [`${template}${SEEDED_PREFIX}`],
    );
    for (const { datname } of rows) {
      await admin.query(`ALTER DATABASE ${datname} WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.end();
  }
}
