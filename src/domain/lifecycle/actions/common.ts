// Pieces shared by several action definitions: payload fields and role groups.

import type { Role } from '../../roles.ts';
import { zText } from '../../validation/fields.ts';
import type { FormField } from '../define.ts';

// Text fields from the one shared place (src/domain/validation/fields.ts): control characters
// refused, length in characters, Chinese field-level messages.
export const note = zText({ label: '备注', max: 2000 }).optional();
export const requiredText = (label: string, max = 5000) => zText({ label, max, min: 1 });
export const optionalText = (label: string, max: number) => zText({ label, max }).optional();

/** Registrars of the petition bureau (登记、转送、交办). */
export const STAFF_BUREAU: readonly Role[] = ['registrar'];
/** Staff of whichever unit holds the matter (bureau registrars, department handlers). */
export const UNIT_STAFF: readonly Role[] = ['registrar', 'handler'];

export const noteField: FormField = { name: 'note', label: '备注', kind: 'textarea', max: 2000 };

/** A textarea the payload requires. */
export const textareaField = (name: string, label: string, max = 5000): FormField => ({
  name,
  label,
  kind: 'textarea',
  required: true,
  max,
});

/**
 * 逾期原因: asked by the engine (not by a definition's payload) of any action that discharges a duty
 * past its due (lateness.ts); the console adds this field when `availableActions` says `late`.
 */
export const lateReason = zText({ label: '逾期原因', max: 1000, min: 1 });
export const lateReasonField: FormField = textareaField('lateReason', '逾期原因', 1000);

/** How a petitioner's action was taken: by the petitioner online, with the query code, or recorded by staff (代录). */
export type PetitionerVia = 'petitioner' | 'query_code' | 'recorded';

export const petitionerVia = (actor: { role: string; queryCodeCaseId?: number }): PetitionerVia =>
  actor.queryCodeCaseId !== undefined ? 'query_code' : actor.role === 'citizen' ? 'petitioner' : 'recorded';

const VIA_LABELS: Record<PetitionerVia, string> = {
  petitioner: '',
  query_code: '（凭查询码）',
  recorded: '（代录）',
};

/** The staff timeline label of a petitioner's action, saying how it was taken. */
export const viaLabel = (label: string, via: unknown): string =>
  `${label}${typeof via === 'string' && Object.hasOwn(VIA_LABELS, via) ? VIA_LABELS[via as PetitionerVia] : ''}`;
