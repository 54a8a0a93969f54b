// Pieces shared by several action definitions: payload fields and role groups.
import { z } from 'zod';
import type { Role } from '../../roles.ts';
import type { FormField } from '../define.ts';

export const note = z.string().trim().max(2000).optional();

export const requiredText = (label: string, max = 5000) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}字`);

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
