// Encrypts personal data written before it was encrypted at rest: outbox texts (which carry login
// and query codes) and stored documents (the petitioner's name in their data, the rendered .docx).
// Runs at start, after migrations, once per installation (meta key 'pii_at_rest_v1'); batches of
// short transactions; each UPDATE re-checks that the row is still in clear, so two nodes starting
// together never encrypt twice. A rolling upgrade should stop old nodes first: a node of before
// keeps writing clear texts, which the next start of a new node would not look for again.
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import { meta } from '../db/schema.ts';
import { hasClearName, sealDocumentData } from '../documents/stored.ts';
import type { DocumentData } from '../documents/types.ts';
import { isEncryptedBytes, type Pii } from './pii.ts';

export const AT_REST_META_KEY = 'pii_at_rest_v1';
const BATCH = 200;

type Rows<T> = { rows: T[] };

async function encryptOutbox(db: Db, pii: Pii): Promise<number> {
  let done = 0;
  for (;;) {
    const res = (await db.execute(sql`
      SELECT id::int8::text AS id, body FROM outbox WHERE body IS NOT NULL ORDER BY id LIMIT ${BATCH}`)) as unknown as Rows<{
      id: string;
      body: string;
    }>;
    if (res.rows.length === 0) return done;
    const rows = res.rows.map((r) => ({ id: r.id, enc: pii.encrypt(r.body) }));
    await db.execute(sql`
      UPDATE outbox SET body_enc = x.enc, body = NULL
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id bigint, enc text)
      WHERE outbox.id = x.id AND outbox.body IS NOT NULL`);
    done += rows.length;
  }
}

async function encryptDocuments(db: Db, pii: Pii): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const res = (await db.execute(sql`
      SELECT id::int8::text AS id, data, content FROM case_documents
      WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`)) as unknown as Rows<{
      id: string;
      data: Record<string, unknown>;
      content: Buffer | Uint8Array | null;
    }>;
    if (res.rows.length === 0) return done;
    after = Number(res.rows[res.rows.length - 1]?.id);
    for (const r of res.rows) {
      const content = r.content ? Buffer.from(r.content) : null;
      const clearData = hasClearName(r.data);
      const clearContent = content !== null && !isEncryptedBytes(content);
      if (!clearData && !clearContent) continue;
      const data = clearData ? sealDocumentData(pii, r.data as unknown as DocumentData) : r.data;
      const sealed = clearContent ? pii.encryptBytes(content) : content;
      await db.execute(sql`
        UPDATE case_documents SET data = ${JSON.stringify(data)}::jsonb, content = ${sealed}
        WHERE id = ${r.id}
          AND (data ? 'petitionerName' OR substring(content from 1 for 4) <> 'XFE1'::bytea)`);
      done++;
    }
  }
}

/** Once per installation; returns how many rows were encrypted. */
export async function encryptLegacyPersonalData(db: Db, pii: Pii, log: Logger): Promise<number> {
  const [done] = await db.select().from(meta).where(eq(meta.key, AT_REST_META_KEY));
  if (done) return 0;
  const outboxRows = await encryptOutbox(db, pii);
  const documents = await encryptDocuments(db, pii);
  await db
    .insert(meta)
    .values({ key: AT_REST_META_KEY, value: { at: new Date().toISOString(), outboxRows, documents } })
    .onConflictDoNothing();
  if (outboxRows + documents > 0) log.info({ outboxRows, documents }, '已加密存量短信内容和文书中的个人信息');
  return outboxRows + documents;
}
