// Global set-up of the integration and browser projects: boot the platform once per run with the
// test configuration (migrations, places and units, demo accounts) and keep the result, so each
// test file starts from a copy instead of migrating an empty database (docs/testing.md):
// - PGlite: the data dir dumped to a tar file; each file's in-memory database loads it.
// - PostgreSQL (DATABASE_URL): a template database; each file's database is CREATE DATABASE … TEMPLATE.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { memorySink } from '../../src/notify/sinks.ts';
import { boot } from '../../src/server/boot.ts';
import { createLogger } from '../../src/server/logging.ts';
import { createPgDatabase, harnessConfig } from './harness.ts';
import { dropSeeded, readyForCopy } from './seeded.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const baseUrl = process.env.DATABASE_URL;
  const pgDb = baseUrl ? await createPgDatabase(baseUrl) : null;
  const ctx = await boot(
    { ...harnessConfig(), databaseUrl: pgDb?.url },
    { log: createLogger('silent'), sink: memorySink() },
  );
  const file = await readyForCopy(
    ctx,
    path.join(os.tmpdir(), `xinfang-test-snapshot-${process.pid}-${randomBytes(4).toString('hex')}.tar`),
  );
  await ctx.database.close();
  const template = pgDb ? new URL(pgDb.url).pathname.slice(1) : '';
  if (pgDb && baseUrl) {
    // A template may have no other connections while it is copied; marking it keeps it that way.
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE true`);
    await admin.end();
  }
  project.provide('pgliteSnapshot', file ?? '');
  project.provide('pgTemplate', template);
  return async () => {
    await dropSeeded(baseUrl, template, file);
    if (file) fs.rmSync(file, { force: true });
    if (pgDb && baseUrl) {
      const admin = new pg.Client({ connectionString: baseUrl });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${template} WITH IS_TEMPLATE false`);
      await admin.end();
      await pgDb.drop();
    }
  };
}
