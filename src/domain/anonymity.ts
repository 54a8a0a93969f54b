// 匿名信访: a letter (or phone call) with no name, registered by the staff who received it. The one
// place that says who may register a matter anonymously and what such a matter skips; intake, the
// lifecycle actions, the presenters and the console read it. Pure: loads in the browser too.
//
// What a bureau does with an anonymous letter: it is registered, classified, accepted or not,
// assigned, handled and replied to like any other, and counted in the totals. With nobody to
// reach, nothing is sent (no SMS, no query code handed out), the written decisions are kept on
// file (addressed to 匿名信访人, "送达" is recorded as 存档), and there is nobody to rate: the
// evaluation window never opens, so the matter is neither in 参评率/满意率 nor 超期未评价.
import type { Role } from './roles.ts';

/** The forms that may come without a name: letters, and phone calls (an anonymous caller). */
export const ANONYMOUS_FORMS = ['letter', 'phone'] as const;

/** Who registers anonymously: the staff who received it (a bureau's or department's registrar or handler). */
export const ANONYMOUS_REGISTRARS: readonly Role[] = ['registrar', 'handler'];

/** The name the documents are addressed to (the stored petitioner party of an anonymous matter). */
export const ANONYMOUS_ADDRESSEE = '匿名信访人';

/** How the case detail and list show the petitioner of an anonymous matter. */
export const ANONYMOUS_LABEL = '匿名';

/** Why an anonymous registration was refused, or null if it may be registered anonymously. */
export function anonymousRefusal(role: Role, form: string): { code: string; message: string } | null {
  if (!ANONYMOUS_REGISTRARS.includes(role))
    return { code: 'anonymous_not_allowed', message: '网上信访须实名提出，不能匿名' };
  if (!(ANONYMOUS_FORMS as readonly string[]).includes(form))
    return { code: 'anonymous_form', message: '只有来信和来电可以登记为匿名信访' };
  return null;
}

/**
 * What an anonymous matter skips: the notices to the petitioner (no phone), showing the query code
 * (it is still generated, as every matter has one, but given to nobody), the evaluation (no one to
 * rate), and repeat detection by identity (there is none; content similarity still applies).
 */
export const ANONYMOUS_SKIPS = {
  notices: true,
  queryCode: true,
  evaluation: true,
  identityRepeat: true,
} as const;

/** Whether a matter is open to the petitioner's evaluation (评价): never an anonymous one. */
export const evaluable = (c: { anonymous?: boolean | null }): boolean => !c.anonymous;
