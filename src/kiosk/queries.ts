// The big-screen display tokens an administrator may manage (policies/kiosk.ts scope), newest first.
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { jurisdictions, kioskTokens } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { kioskTokenScope } from '../policies/kiosk.ts';

export function kioskTokensOf(db: Db, actor: Actor) {
  return db
    .select({ t: kioskTokens, jurisdictionName: jurisdictions.fullName })
    .from(kioskTokens)
    .innerJoin(jurisdictions, eq(jurisdictions.code, kioskTokens.jurisdictionCode))
    .where(kioskTokenScope(actor))
    .orderBy(desc(kioskTokens.id))
    .limit(500);
}
