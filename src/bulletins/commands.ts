// The monthly 通报 as a stored report of kind 'bulletin' (src/reports/store.ts): drafted from the
// month's figures, edited, issued by a leader — the same path and policy as the 专报.
import type { AppContext } from '../context.ts';
import type { Actor } from '../policies/index.ts';
import { createStoredReport, type ReportKindSpec, type ReportRow } from '../reports/store.ts';
import { collectBulletinData } from './collect.ts';
import { bulletinTitle, draftBulletinSections } from './sections.ts';
import { BULLETIN_SECTION_KEYS, type BulletinData } from './types.ts';

export const BULLETIN: ReportKindSpec = {
  kind: 'bulletin',
  label: '通报',
  sectionKeys: BULLETIN_SECTION_KEYS,
  title: (data) => bulletinTitle(data as BulletinData),
};

export async function createBulletin(
  ctx: AppContext,
  actor: Actor,
  input: { month: string; scope?: string },
): Promise<ReportRow> {
  return createStoredReport(ctx, actor, BULLETIN, input, async (scopeCode) => {
    const data = await collectBulletinData(ctx.db, { month: input.month, scopeCode });
    return { data, sections: draftBulletinSections(data) };
  });
}
