// Copies the screenshots the browser tests (test/e2e) saved in artifacts/screenshots/ to docs/images/
// under the stable names docs/user-guide.zh-CN.md uses. Run by `npm run docs:screenshots` after the
// e2e run; fails if a listed screenshot is missing. Files over 300 KB are recompressed with
// ImageMagick when a real one is installed (no npm dependency), otherwise copied as they are.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const FROM = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const TO = fileURLToPath(new URL('../docs/images/', import.meta.url));
const MAX_BYTES = 300 * 1024;

/** docs/images name → artifacts/screenshots name (both without .png). */
const SCREENSHOTS: Record<string, string> = {
  'portal-login': 'portal-login',
  'analytics-province': 'analytics-province',
  'analytics-trend': 'analytics-trend',
  'analytics-forecast': 'analytics-forecast',
  'analytics-forecast-sparse': 'analytics-forecast-sparse',
  'screen-kiosk': 'screen-kiosk',
  'console-kiosk-tokens': 'console-kiosk-tokens',
  'portal-large-text': 'portal-large-text-detail',
  'portal-profile': 'portal-profile',
  'portal-submit': 'portal-submit-form',
  'portal-result': 'portal-submitted',
  'portal-attachments': 'attachments-portal-photos',
  'console-case-attachments': 'attachments-case-detail',
  'portal-cases': 'portal-cases',
  'portal-detail': 'portal-case-detail',
  'portal-rate': 'portal-rate-modal',
  'portal-query': 'portal-public-query',
  // The phone (390 px) checks of test/e2e/portal-phone.test.ts.
  'portal-phone-submit-first-screen': 'portal-phone-submit-first-screen',
  'portal-phone-follow-up': 'portal-phone-follow-up',
  'portal-phone-cases': 'portal-phone-cases',
  'console-login': 'console-login',
  'console-workbench': 'console-workbench',
  'console-workbench-mine': 'console-workbench-mine',
  'console-workbench-handover': 'console-workbench-handover',
  'console-register': 'console-register-letter',
  'console-registered': 'console-registered',
  'console-register-anonymous': 'console-register-anonymous',
  'console-anonymous-case': 'console-anonymous-case',
  'console-flags-filter': 'console-flags-filter',
  'console-case-search': 'console-case-search',
  'console-search-synonyms': 'console-search-synonyms',
  'console-case-flags': 'console-case-flags',
  'console-intake-suggestion': 'intake-case-suggestion',
  'console-intake-assign': 'intake-assign-preselected',
  'console-cohandling-case': 'console-cohandling-case',
  'console-case': 'console-case-registered',
  'console-action-modal': 'console-assign-modal',
  'console-inbox': 'console-inbox',
  'console-inbox-badge': 'console-inbox-badge',
  'console-not-accepted': 'console-not-accepted',
  'console-backlog-ledger': 'console-backlog-ledger',
  'console-backlog-matter': 'console-backlog-matter',
  'console-campaigns': 'console-campaigns',
  'console-campaign': 'console-campaign',
  'console-campaign-add-entry': 'console-campaign-add-entry',
  'console-projects-year': 'console-projects-year',
  'console-project': 'console-project',
  'console-monitoring': 'console-monitoring',
  'console-dispatch': 'console-dispatch',
  'console-dispatch-record': 'console-dispatch-record',
  'console-my-tasks': 'console-my-tasks',
  'console-monitoring-thresholds': 'console-monitoring-thresholds',
  'console-bulletin': 'console-bulletin',
  'console-supervision-list': 'console-supervision-list',
  'console-supervision-feedback': 'console-supervision-feedback',
  'console-supervision-escalated': 'console-supervision-escalated',
  'console-supervision-case': 'console-supervision-case',
  'console-assessment-scorecard': 'console-assessment-scorecard',
  'console-assessment-drill': 'console-assessment-drill',
  'console-assessment-scheme': 'console-assessment-scheme',
  'console-assessment-letters': 'console-assessment-letters',
  'console-assessment-record': 'console-assessment-record',
  'console-assessment-unit-history': 'console-assessment-unit-history',
  'portal-receptions': 'portal-receptions',
  'portal-reception-book': 'portal-reception-book',
  'portal-reception-booked': 'portal-reception-booked',
  'console-receptions': 'console-receptions',
  'console-reception-record': 'console-reception-record',
  'console-reception-indicators': 'console-reception-indicators',
  'console-card': 'console-card',
  'console-card-check': 'console-card-check',
  'portal-card': 'portal-card',
  'portal-card-scan': 'portal-card-scan',
  'console-register-card-check': 'console-register-card-check',
  'console-video-room': 'console-video-room',
  'console-video-ended': 'console-video-ended',
  'portal-video-room': 'portal-video-room',
  'console-hall-counter': 'console-hall-counter',
  'console-hall-display': 'console-hall-display',
  'console-mediation-list': 'console-mediation-list',
  'console-mediation-referral': 'console-mediation-referral',
  'console-mediation-counts': 'console-mediation-counts',
  'console-experts': 'console-experts',
  'console-experts-opinions': 'console-experts-opinions',
  'console-experts-conflict': 'console-experts-conflict',
  'console-experts-case': 'console-experts-case',
  'console-linkage-referrals': 'console-linkage-referrals',
  'console-linkage-referral': 'console-linkage-referral',
  'console-linkage-case': 'console-linkage-case',
  'console-linkage-refer': 'console-linkage-refer',
  'console-linkage-members': 'console-linkage-members',
  'console-linkage-cooperation': 'console-linkage-cooperation',
  'console-relief-list': 'console-relief-list',
  'console-relief-detail': 'console-relief-detail',
  'console-relief-totals': 'console-relief-totals',
  'console-sanwu': 'console-sanwu',
  'console-api-keys': 'console-api-keys',
  'console-users-disabled': 'console-users-disabled',
  'console-users-reset': 'console-users-reset',
  'console-password-change': 'console-password-change',
  'console-holidays-entry': 'console-holidays-entry',
  'console-category-import': 'console-category-import',
  'console-category-dictionary': 'console-category-dictionary',
  'console-suggestion-quality': 'console-suggestion-quality',
  'console-classifier-models': 'console-classifier-models',
  'console-case-subcategory': 'intake-case-subcategory-suggested',
  'console-api-key-created': 'console-api-key-created',
  'console-webhooks': 'console-webhooks',
};

function realImageMagick(): boolean {
  const r = spawnSync('convert', ['-version'], { encoding: 'utf8' });
  return r.status === 0 && /Version: ImageMagick/.test(r.stdout ?? '');
}

const missing = Object.values(SCREENSHOTS).filter((src) => !fs.existsSync(`${FROM}${src}.png`));
if (missing.length > 0) {
  process.stderr.write(
    `docs:screenshots: missing in artifacts/screenshots/: ${missing.map((m) => `${m}.png`).join(', ')}\n` +
      'Run the browser tests first (npm run build:web && npx vitest run test/e2e).\n',
  );
  process.exit(1);
}

fs.mkdirSync(TO, { recursive: true });
const magick = realImageMagick();
for (const [name, src] of Object.entries(SCREENSHOTS)) {
  const from = `${FROM}${src}.png`;
  const to = `${TO}${name}.png`;
  let how = 'copied';
  if (fs.statSync(from).size > MAX_BYTES && magick) {
    // Half size (the phone shots are taken at deviceScaleFactor 2), 8-bit palette, max zlib.
    const r = spawnSync('convert', [
      from,
      '-resize',
      '50%',
      '-colors',
      '256',
      '-quality',
      '95',
      `png8:${to}`,
    ]);
    if (r.status === 0) how = 'downscaled';
    else fs.copyFileSync(from, to);
  } else {
    fs.copyFileSync(from, to);
    if (fs.statSync(from).size > MAX_BYTES) how = 'copied (over 300 KB; no ImageMagick to shrink it)';
  }
  const kb = Math.round(fs.statSync(to).size / 1024);
  process.stdout.write(`docs/images/${name}.png ← ${src}.png: ${kb} KB, ${how}\n`);
}
