// 文书草稿与签发: which actions issue an opinion that can be drafted first, what a draft holds, the
// unit's rules (sign-off required, wording), and whether an opinion may be issued now. Pure.
import type { DocumentKind } from '../../documents/types.ts';
import { OPINION_TEMPLATES, type OpinionTemplate } from '../../documents/types.ts';

/** The lifecycle actions whose document is drafted, previewed and signed off before issue. */
export const DRAFT_ACTIONS = {
  reply: 'handling_opinion',
  decide_review: 'review_opinion',
  decide_rereview: 'rereview_opinion',
} as const satisfies Record<string, DocumentKind>;
export type DraftAction = keyof typeof DRAFT_ACTIONS;

export const isDraftAction = (a: string): a is DraftAction => Object.hasOwn(DRAFT_ACTIONS, a);

/** The text fields of each action, as its payload names them (src/domain/lifecycle/actions/). */
export const DRAFT_FIELDS: Record<DraftAction, readonly string[]> = {
  reply: ['outcome', 'request', 'facts', 'reasons', 'decision'],
  decide_review: ['outcome', 'facts', 'reasons', 'decision'],
  decide_rereview: ['outcome', 'facts', 'reasons', 'decision'],
};

export const DRAFT_STATUSES = ['draft', 'signed', 'issued'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];
export const DRAFT_STATUS_NAMES: Record<DraftStatus, string> = {
  draft: '草稿（待签发）',
  signed: '已签发',
  issued: '已出具',
};

/** A unit's rules for its opinions. */
export interface DocumentRules {
  /** 签发: a leader signs the draft off before the opinion may be issued. */
  signoffRequired: boolean;
  template: OpinionTemplate;
}

export const DEFAULT_RULES: DocumentRules = { signoffRequired: false, template: 'standard' };

/** Stored per jurisdiction (inherited by the subtree), with overrides for single units. */
export interface StoredRules extends Partial<DocumentRules> {
  units?: Record<string, Partial<DocumentRules>>;
}

export const isTemplate = (t: unknown): t is OpinionTemplate =>
  typeof t === 'string' && (OPINION_TEMPLATES as readonly string[]).includes(t);

function pick(v: unknown): Partial<DocumentRules> {
  if (!v || typeof v !== 'object') return {};
  const o = v as Record<string, unknown>;
  return {
    ...(typeof o.signoffRequired === 'boolean' ? { signoffRequired: o.signoffRequired } : {}),
    ...(isTemplate(o.template) ? { template: o.template } : {}),
  };
}

/** Stored values of a jurisdiction's chain (province first): nearest wins, unit overrides kept apart. */
export function resolveRules(values: unknown[]): {
  rules: DocumentRules;
  units: Record<string, Partial<DocumentRules>>;
} {
  let rules = { ...DEFAULT_RULES };
  const units: Record<string, Partial<DocumentRules>> = {};
  for (const v of values) {
    rules = { ...rules, ...pick(v) };
    const own = (v as StoredRules | null)?.units;
    if (own && typeof own === 'object')
      for (const [id, u] of Object.entries(own)) units[id] = { ...units[id], ...pick(u) };
  }
  return { rules, units };
}

/** The rules in force for one unit. */
export function rulesForUnit(
  resolved: { rules: DocumentRules; units: Record<string, Partial<DocumentRules>> },
  unitId: number,
): DocumentRules {
  const own = Object.hasOwn(resolved.units, String(unitId)) ? resolved.units[String(unitId)] : undefined;
  return { ...resolved.rules, ...own };
}

const norm = (v: unknown) =>
  typeof v === 'string' ? v.trim() : v === undefined || v === null ? '' : String(v);

/** Whether what the action records says what the draft says (the signed text is what is issued). */
export function sameText(
  action: DraftAction,
  draft: Record<string, unknown>,
  issued: Record<string, unknown>,
) {
  return DRAFT_FIELDS[action].every((f) => norm(draft[f]) === norm(issued[f]));
}

export interface DraftRef {
  status: string;
  fields: Record<string, unknown>;
}

/**
 * Why the opinion may not be issued now (code and message for a 409), or null. Only a unit that
 * requires sign-off is held: the others may issue at once, with or without a draft.
 */
export function issueBlocker(
  rules: DocumentRules,
  action: DraftAction,
  draft: DraftRef | undefined,
  issued: Record<string, unknown>,
): { code: string; message: string } | null {
  if (!rules.signoffRequired) return null;
  if (!draft)
    return {
      code: 'signoff_required',
      message: '本单位出具意见书须经领导签发：请先在“文书草稿”中拟稿、预览并报领导签发',
    };
  if (draft.status !== 'signed')
    return { code: 'signoff_missing', message: '该意见书草稿尚未经领导签发，不能出具' };
  if (!sameText(action, draft.fields, issued))
    return {
      code: 'signoff_mismatch',
      message: '出具的内容与领导签发的草稿不一致：请按签发稿出具，或修改草稿后重新报签',
    };
  return null;
}
