// The audit queue alone: W loops of K transactions, each `select 1` plus one `recordAudit` (the tail
// of an action), on a scratch PostgreSQL database; then the chain is verified. The time includes
// sealing everything (the sealer is kicked after each commit and stopped at the end). Give another
// checkout's root as the argument to compare trees (one without the sealer is timed without it).
// Not part of `npm run bench` (docs/performance.md, "Audit chain sealed after commit").
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/audit-append.ts [TREE]
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { pino } from 'pino';

const tree = process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url));
const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) throw new Error('DATABASE_URL is required (PostgreSQL)');
const { openDatabase } = await import(`${tree}/src/db/client.ts`);
const { migrate } = await import(`${tree}/src/db/migrate.ts`);
const chain = await import(`${tree}/src/audit/chain.ts`);
const sealerModule = await import(`${tree}/src/audit/sealer.ts`).catch(() => null);

const name = `xinfang_auditbench_${process.pid}`;
const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), dataDir: 'memory://' });
try {
  await migrate(database);
  const sealer = sealerModule ? new sealerModule.AuditSealer(database.db, pino({ level: 'silent' })) : null;
  const W = Number(process.env.W ?? 8);
  const K = Number(process.env.K ?? 100);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: W }, async (_, w) => {
      for (let i = 0; i < K; i++) {
        await database.db.transaction(async (tx: { execute(q: string): Promise<unknown> }) => {
          await tx.execute('select 1');
          await chain.recordAudit(tx, {
            action: 'bench',
            entity: 'bench',
            entityId: w * K + i,
            summary: { w, i },
          });
        });
        sealer?.kick();
      }
    }),
  );
  await sealer?.stop();
  const ms = performance.now() - t0;
  const verified = await chain.verifyAuditChain(database.db);
  console.log(
    `${tree}: ${W * K} audited transactions in ${ms.toFixed(0)} ms → ${((W * K * 1000) / ms).toFixed(0)}/s ` +
      `with ${W} loops; verify ${JSON.stringify(verified)}`,
  );
} finally {
  await database.close();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
