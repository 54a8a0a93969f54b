// Shapes of the API's answers used by the web apps: the server's own types (server–web contract,
// docs/architecture.md), imported with `import type` so that no server code enters the bundle.
// The tests import them under the root tsconfig too.
import type { CaseDetail as ServerCaseDetail } from '../../src/cases/contract.ts';

export type { Abilities, MeView as Me } from '../../src/auth/contract.ts';
export type {
  AvailableAction,
  CaseListItem as CaseSummary,
  Deadline,
  PublicCase,
  RelatedCase,
  TimelineItem,
} from '../../src/cases/contract.ts';
export type { Jurisdiction } from '../../src/orgs/contract.ts';

export type CaseDetail = ServerCaseDetail;

/** What `POST /api/v1/cases/{id}/actions` answers: the detail without `related` (keep the list you have). */
export type ActionAnswer<D extends { related: unknown } = CaseDetail> = Omit<D, 'related'>;
