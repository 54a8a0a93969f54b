// 来信识别 (OCR): who may have a scanned letter read into the registration form. Those who register
// letters on paper — a bureau's registrars, a department's registrars and handlers (casePolicy.register)
// — but not citizens (they submit online and type their own words) and not machine clients (the
// image holds a petitioner's personal data; an API key registers from its own system's fields).

import type { Actor } from './actor.ts';
import { casePolicy } from './index.ts';

export const ocrPolicy = {
  scan: (a: Actor): boolean => a.role !== 'citizen' && a.apiKey === undefined && casePolicy.register(a),
};
