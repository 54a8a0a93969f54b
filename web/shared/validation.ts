// Form rules that run the platform's own validators (src/domain/validation), so the browser says
// exactly what the server would, before the round trip.
import type { Rule } from 'antd/es/form';
import { checkIdNumber, checkMobile, checkPersonName } from '../../src/domain/validation/index.ts';
import type { Checked } from '../../src/domain/validation/result.ts';
import i18n from './i18n.ts';

function rule<T>(check: (raw: string) => Checked<T>, required: boolean): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const raw = typeof value === 'string' ? value.trim() : '';
      if (!raw) {
        if (required) throw new Error(i18n.t('此项必填'));
        return;
      }
      const r = check(raw);
      if (!r.ok) throw new Error(i18n.t(r.error.message));
    },
  };
}

export const phoneRule = (required = true) => rule(checkMobile, required);
export const idNumberRule = (required = true) => rule(checkIdNumber, required);
export const nameRule = (required = true) => rule(checkPersonName, required);

/** The normalised value (e.g. +86 138… → 138…), or the input when invalid. */
export function normalisePhone(raw: string): string {
  const r = checkMobile(raw);
  return r.ok ? r.value : raw.trim();
}
