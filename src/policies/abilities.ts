// What the signed-in caller may do, by name (GET /auth/me `abilities`, as Outline serialises its
// policies): one line per ability, each asking the policy the routes enforce, so the console shows
// a menu entry, a page or a button exactly when the server would allow it and keeps no copy of the
// role lists. The names and their descriptions are the contract's (src/auth/contract.ts `Abilities`).
//
// An ability is the caller's general permission: for rules that depend on a place, it is asked about
// the caller's own jurisdiction (their whole subtree starts there); a particular object may still be
// refused (its scope, its state, its holder), which the object's own `availableActions` tells.
import type { Abilities } from '../auth/contract.ts';
import type { Actor } from './actor.ts';
import { adminPolicy } from './admin.ts';
import { assessmentPolicy } from './assessment.ts';
import { backlogPolicy } from './backlog.ts';
import { campaignPolicy } from './campaigns.ts';
import { cannedReplyPolicy } from './cannedReplies.ts';
import { dispatchPolicy } from './dispatch.ts';
import { expertPolicy } from './experts.ts';
import { flagPolicy } from './flags.ts';
import { hallPolicy } from './hall.ts';
import { analyticsPolicy, auditPolicy, casePolicy, reportPolicy, settingsPolicy } from './index.ts';
import { linkagePolicy, reliefPolicy, sanwuPolicy } from './linkage.ts';
import { mediationPolicy } from './mediation.ts';
import { monitoringPolicy } from './monitoring.ts';
import { projectPolicy } from './projects.ts';
import { cardPolicy, receptionPolicy } from './receptions.ts';
import { supervisionPolicy } from './supervision.ts';
import { videoPolicy } from './video.ts';

export type { Abilities } from '../auth/contract.ts';

/** The caller's own jurisdiction: where place-dependent rules are asked (never in scope if none). */
const own = (a: Actor): string => a.jurisdictionCode ?? '';

/** The table: every ability of the contract, each from the policy its routes enforce. */
export const ABILITY_RULES: { [K in keyof Abilities]: (a: Actor) => boolean } = {
  matters: casePolicy.staffReader,
  register: casePolicy.register,
  cannedReplies: cannedReplyPolicy.use,
  receptions: receptionPolicy.use,
  receptionPlan: (a) => receptionPolicy.act(a, 'plan', own(a)),
  receptionBook: receptionPolicy.bookOwn,
  rightsCards: cardPolicy.list,
  rightsCardCheck: cardPolicy.checkVisit,
  videoReception: videoPolicy.use,
  videoSchedule: videoPolicy.create,
  hallCounter: (a) => hallPolicy.may(a, 'register'),
  hallDisplay: (a) => hallPolicy.may(a, 'display'),
  backlog: backlogPolicy.use,
  backlogLedger: (a) => backlogPolicy.ledger(a, own(a)),
  backlogPropose: (a) => backlogPolicy.proposeCase(a, own(a)),
  backlogOthersPackages: backlogPolicy.othersPackages,
  mediation: mediationPolicy.use,
  mediationCounts: (a) => mediationPolicy.counts(a, own(a)),
  mediationBodies: (a) => mediationPolicy.manageBodies(a, own(a)),
  mediationReferHeld: mediationPolicy.referHeld,
  mediationReferInScope: mediationPolicy.referInScope,
  experts: expertPolicy.use,
  expertsKeep: (a) => expertPolicy.manage(a, own(a)),
  linkage: linkagePolicy.use,
  linkageDesk: (a) => linkagePolicy.counts(a, own(a)) && reliefPolicy.totals(a, own(a)),
  linkageStart: (a) => linkagePolicy.refer(a, own(a)),
  linkageEdit: (a) => linkagePolicy.editMember(a, own(a)),
  sanwu: (a) => sanwuPolicy.read(a, own(a)),
  campaigns: campaignPolicy.use,
  campaignLaunch: (a) => campaignPolicy.create(a, own(a)),
  projects: projectPolicy.use,
  supervision: supervisionPolicy.use,
  supervisionRaise: (a) => supervisionPolicy.raise(a, own(a)),
  flagAcknowledge: flagPolicy.acknowledges,
  assessment: (a) => assessmentPolicy.can(a, 'read', { jurisdictionCode: own(a) }),
  assessmentUnitHistory: assessmentPolicy.use,
  assessmentDecide: (a) => assessmentPolicy.mayAny(a, 'record'),
  assessmentLetters: (a) => assessmentPolicy.mayAny(a, 'draft_letter'),
  assessmentScheme: (a) => assessmentPolicy.can(a, 'set_scheme', { jurisdictionCode: own(a) }),
  monitoring: monitoringPolicy.use,
  monitoringThresholds: (a) => settingsPolicy.update(a, own(a)),
  dispatch: dispatchPolicy.use,
  dispatchChair: dispatchPolicy.chair,
  dispatchTasks: dispatchPolicy.ownsTasks,
  reports: reportPolicy.use,
  reportIssue: (a) => reportPolicy.issue(a, own(a)),
  analytics: analyticsPolicy.read,
  warningAcknowledge: (a) => analyticsPolicy.acknowledgeWarning(a, own(a)),
  audit: auditPolicy.search,
  administration: (a) => adminPolicy.mayAny(a, 'user.update'),
  holidayCalendar: (a) => adminPolicy.mayAny(a, 'calendar.edit'),
  categoryDictionary: (a) => adminPolicy.mayAny(a, 'categories.edit'),
  classifierActivate: (a) => adminPolicy.mayAny(a, 'classifier.activate'),
};

/** The caller's abilities: every line of the table asked of this actor. */
export function abilities(a: Actor): Abilities {
  return Object.fromEntries(
    Object.entries(ABILITY_RULES).map(([name, rule]) => [name, rule(a)]),
  ) as Abilities;
}
