// Extreme-risk content at intake (极端风险): in the registration's transaction, a warning linked to
// the case and an SMS to the supervisors of the place — immediately, not at the daily scan.
import type { AppContext } from '../context.ts';
import type { Executor } from '../db/client.ts';
import { describeRisk, findRiskSigns } from '../domain/riskSigns.ts';
import { smsToSupervisor, supervisorsOfPlace } from './notify.ts';
import { insertWarning } from './store.ts';

export interface RiskCheck {
  caseId: number;
  caseNumber: string;
  jurisdictionCode: string;
  placeName: string;
  subject: string;
  content: string;
  /** Distinguishes several petitions checked against one case (e.g. a linked repeat). */
  occasion: string;
}

/** Returns the warning id when the text shows signs of extreme risk, else null. */
export async function checkExtremeRisk(ctx: AppContext, tx: Executor, c: RiskCheck): Promise<number | null> {
  const signs = findRiskSigns(`${c.subject}。${c.content}`);
  if (signs.length === 0) return null;
  const kinds = describeRisk(signs);
  const id = await insertWarning(tx, {
    kind: 'extreme_risk',
    level: 'high',
    jurisdictionCode: c.jurisdictionCode,
    title: `极端风险：${c.placeName}信访件${c.caseNumber}含${kinds}表述`,
    detail: `登记内容出现${signs.length}处风险表述（${kinds}），请立即核实信访人情况并落实稳控措施。`,
    caseIds: [c.caseId],
    dedupeKey: `extreme_risk:${c.caseId}:${c.occasion}`,
  });
  if (id === null) return null;
  for (const r of await supervisorsOfPlace(tx, c.jurisdictionCode)) {
    await smsToSupervisor(ctx, tx, r, {
      template: 'warning_extreme_risk',
      body: `【阳光信访】紧急预警：${c.placeName}信访件${c.caseNumber}含${kinds}表述，请立即登录工作台查看处置。`,
      key: `warning:${id}:to:${r.userId}`,
      caseId: c.caseId,
    });
  }
  return id;
}
