// 平台间交换: who may do what (one rule table).
//   - send a matter to a peer platform (转送/交办), and on a matter that came from one sign for it
//     (签收), object (异议) or report progress (报送): registrars, reviewers, supervisors and leaders
//     of a petition bureau who can read the matter — the bureau speaks for the platform;
//   - read a matter's exchange record: whoever can read the matter.
// A key (接口密钥) never sends: the exchange speaks for the installation, not for a client.
import type { Role } from '../domain/roles.ts';
import type { Actor } from './actor.ts';

export type { Actor } from './actor.ts';

const SPEAKERS: readonly Role[] = ['registrar', 'reviewer', 'supervisor', 'leader'];

export const exchangePolicy = {
  /** May send or answer for the platform (the matter's readability is checked apart). */
  speak: (a: Actor): boolean => a.unitKind === 'bureau' && SPEAKERS.includes(a.role) && !a.apiKey,
};
