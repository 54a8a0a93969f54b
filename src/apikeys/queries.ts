// 接口密钥 lists: the keys of the admin's subtree, newest first, with their organisation and place.
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { apiKeys, jurisdictions, units } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { apiKeyScope } from '../policies/apikeys.ts';

export async function listApiKeys(db: Executor, actor: Actor) {
  return db
    .select({
      key: apiKeys,
      unitName: units.name,
      jurisdictionName: jurisdictions.fullName,
    })
    .from(apiKeys)
    .innerJoin(units, eq(units.id, apiKeys.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, apiKeys.jurisdictionCode))
    .where(apiKeyScope(actor))
    .orderBy(desc(apiKeys.id))
    .limit(500);
}
export type KeyListRow = Awaited<ReturnType<typeof listApiKeys>>[number];
