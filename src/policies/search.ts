// 案件查询 and the search synonym dictionary. The matters a search finds are scoped by caseScope
// (src/cases/queries.ts listCases: jurisdiction, units, 回避); this file decides the rest.
//
// The dictionary is one for the installation, not per jurisdiction: a word means the same in every
// county, a search over a city must not change its meaning from county to county, and a wider
// dictionary only adds recall (never shows a matter outside the caller's scope). So only the
// province's administrators edit it; every member of staff may read it (it explains their results).
import { PROVINCE_PREFIX } from '../orgs/divisions.ts';
import type { Actor } from './actor.ts';
import { staffToolsPolicy } from './index.ts';

export const searchPolicy = {
  /** 案件查询, place and unit pickers, the dictionary (read): staff. */
  use: (a: Actor): boolean => staffToolsPolicy.use(a) && a.queryCodeCaseId === undefined,
  /** Edit the synonym dictionary: administrators of the province (the whole installation). */
  editSynonyms: (a: Actor): boolean =>
    a.role === 'admin' && a.apiKey === undefined && a.scopePrefix === PROVINCE_PREFIX,
};
