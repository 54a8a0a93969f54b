// Renders the lifecycle table as documentation (docs/lifecycle.md): a Mermaid state diagram and
// a table of actions. Generated, never hand-edited: `npm run docs:lifecycle`.
import { ROLE_NAMES } from '../roles.ts';
import {
  ACTIONS,
  type ActionName,
  actionDef,
  possibleTargets,
  SYSTEM_ACTIONS,
  type SystemActionName,
} from './actions.ts';
import { DUTY_CLOCKS } from './clocks.ts';
import type { Who } from './define.ts';
import { dutiesOf } from './lateness.ts';
import { CLOCK_NAMES, DEFAULT_LIMITS } from './limits.ts';
import { SMS_TEMPLATES } from './notices.ts';
import { STATE_NAMES, STATES, TERMINAL_STATES } from './vocabulary.ts';

const WHO: Record<Who, string> = {
  system: '平台（期限届满时自动）',
  holder: '当前待办单位',
  bureau: '负责的信访部门',
  petitioner: '信访人本人（登录门户，或凭信访件编号和查询码），或负责的信访部门代录',
  in_scope: '数据范围内',
};

// How case numbers are handed out (src/cases/numbering.ts); prose, not generated from a table.
const CASE_NUMBERS = [
  '## 信访件编号 · Case numbers',
  '',
  'A new matter is numbered `{6-digit code of the registering jurisdiction}{year received, Asia/Shanghai}{7 digits}`,',
  'e.g. `32010620260000123`, with a 6-character query code (查询码, stored only as a hash). A repeat petition linked to',
  'an open matter takes no number.',
  '',
  '- The 7 digits come from one PostgreSQL sequence per prefix, `case_no_3201062026`. `nextval` waits for no other',
  '  registration and is not undone by a rollback: numbers are unique and increasing per prefix, with a gap where a',
  '  registration failed after taking its number. (Before, a `case_counters` row per prefix was locked until COMMIT,',
  '  so the registrations of one bureau committed one at a time.)',
  '- Sequences are created when first needed. `nextval(to_regclass(name))` is NULL while a prefix has none: the',
  '  registration then gives up its transaction (nothing written yet), creates the sequence in a short transaction of',
  '  its own under a transaction-level advisory lock (`CREATE SEQUENCE IF NOT EXISTS`; concurrent first registrations,',
  '  on any API node, wait for it and then find it) and runs again. A sequence starts after `case_counters` and after',
  '  the highest number of the prefix already in `cases`; at most 9,999,999 per prefix.',
  '- `case_counters` is no longer written by intake. It is a floor: at least the numbers handed out outside the',
  '  sequences (the bulk seeder `xinfang seed`, intake before the sequences existed). The seeder numbers above',
  '  `case_counters` and the sequences, and at the end moves both forward (never back) to its last numbers; it is',
  '  not meant to run while the platform registers cases. `cases.case_number` is unique (`cases_number_uq`) anyway.',
  '- Backups keep the sequences: the embedded data-dir backup copies them and `pg_dump` dumps them.',
];

export function renderLifecycleMarkdown(): string {
  const lines: string[] = [
    '# 办理流程 · Case lifecycle',
    '',
    '<!-- Generated from src/domain/lifecycle/actions.ts by `npm run docs:lifecycle`. Do not edit. -->',
    '',
    'Every action is `POST /api/v1/cases/{id}/actions` with `{"action": NAME, ...payload}`. The case detail',
    "returns `availableActions` for the caller, computed from this same table. The petitioner's own actions",
    '(`rate`, `request_review`, `request_rereview`) can also be taken without an account on the public query page,',
    '`POST /api/v1/public/cases/{caseNumber}/actions` with `{"code": QUERY_CODE, "action": NAME, ...payload}`: the query code',
    "is the petitioner's key, so a petitioner who wrote, phoned or came in person rates and follows the matter too.",
    'The timeline says how such an action was taken: 「评价（凭查询码）」, 「评价（代录）」 (recorded by the bureau,',
    'whose user the event keeps).',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> registered: 登记',
  ];
  for (const s of STATES) lines.push(`  ${s}: ${s} ${STATE_NAMES[s]}`);
  const names = [...Object.keys(ACTIONS), ...Object.keys(SYSTEM_ACTIONS)] as (
    | ActionName
    | SystemActionName
  )[];
  for (const name of names) {
    const def = actionDef(name);
    for (const from of def.from) {
      for (const to of possibleTargets(name)) lines.push(`  ${from} --> ${to}: ${def.label}`);
    }
  }
  for (const s of TERMINAL_STATES) lines.push(`  ${s} --> [*]`);
  lines.push('```', '', '## Actions', '');
  lines.push('| action | 操作 | from | to | roles | who | clocks started / stopped | document | SMS |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const name of names) {
    const def = actionDef(name);
    const clocks = [
      ...(def.starts ?? []).map((c) => `▶ ${CLOCK_NAMES[c]}`),
      ...(def.alsoStarts ?? []).map((c) => `或 ▶ ${CLOCK_NAMES[c]}`),
      ...(def.stops ?? []).map((c) => `■ ${CLOCK_NAMES[c]}`),
      ...(def.within ? [`须在${CLOCK_NAMES[def.within.clock]}内`] : []),
    ].join('<br>');
    lines.push(
      `| \`${name}\` | ${def.label} | ${def.from.join(', ')} | ${def.to} | ${def.roles.map((r) => (r === 'system' ? '平台' : ROLE_NAMES[r])).join('、')} | ${WHO[def.who]}${def.onBehalf === 'offline' ? '（代录限非网上信访）' : ''} | ${clocks} | ${def.document?.kind ?? ''} | ${def.sms?.stage ?? ''} |`,
    );
  }
  lines.push(
    '',
    '## 期限届满之后 · After a time limit runs out',
    '',
    "The law times the bureau's duties; it does not extinguish them. An action that discharges a duty clock",
    `(${DUTY_CLOCKS.map((c) => CLOCK_NAMES[c]).join('、')}) after its due instant is still allowed: the request must carry`,
    '`lateReason` (逾期原因; 400 `late_reason_required` without it), the timeline event keeps `late`',
    '(clock, due, days late, reason) and reads 「…（逾期N日）」, the petitioner is told the step came late (not the',
    'reason), `availableActions` marks the action `late` so the console asks for the reason, and the indicators count it',
    'late: 及时受理率 and 按期办结率 are timely only when the clock stopped by its due instant. Only windows close for good',
    '(409 `window_closed`).',
    '',
    '| action | 操作 | 期限届满后 |',
    '|---|---|---|',
  );
  for (const name of names) {
    const def = actionDef(name);
    const duties = dutiesOf(def);
    const rule = def.within
      ? `不可再办：${CLOCK_NAMES[def.within.clock]}届满即关闭。${def.within.why}`
      : duties.length && def.who !== 'system'
        ? `可逾期办理：${duties.map((c) => CLOCK_NAMES[c]).join('或')}届满后仍可办理，须填写逾期原因，记为逾期`
        : '';
    if (rule) lines.push(`| \`${name}\` | ${def.label} | ${rule} |`);
  }
  lines.push(
    '',
    '## 复查撤销、变更 · A review that revokes or varies',
    '',
    'A review opinion (`decide_review`) of 撤销 (`revoke`) or 变更 (`vary`) sends the matter back to the original handling',
    'unit (the assigned department, or the bureau that handled it itself): state `handling`, held by that unit, with a new',
    `${CLOCK_NAMES.rehandling} (\`rehandling\`, ${DEFAULT_LIMITS.clocks.rehandling.amount}日 by default). It decides again with a new 处理意见书 (\`reply\`),`,
    'delivers it (`deliver`: a new 复查申请期限; the evaluation stays as it was, so a matter is rated once), and the',
    'petitioner has the same review rights against it. 按期办结率 counts the first handling only; the new clock is a duty',
    'clock like the others (overdue flags, late decisions). 维持 (`uphold`) leaves the matter `reviewed`, open to re-review.',
    'A re-review opinion is final whatever its outcome (Art 36).',
    '',
    '## 听证 · Hearings',
    '',
    'In a review or re-review the reviewer may hold a hearing (Art 31 ¶2, Art 36): `schedule_hearing` (time, place,',
    'participants; issues the 听证通知书) pauses the 复查期限 / 复核期限, and `record_hearing` (what was heard, the',
    "hearing's opinion; issues the 听证笔录) resumes it with the calendar days of the pause (both ends counted) added to",
    'its limit, so hearing time does not count. While a hearing is pending the clock is never overdue and the decision',
    '(`decide_review`, `decide_rereview`) is refused (409 `hearing_pending`).',
    '',
    '## 匿名信访 · Anonymous letters',
    '',
    "Staff who receive a letter or call with no name (a registrar, or a department's registrar or handler) register it",
    'with `anonymous: true` and no petitioner; a citizen online never may (400 `anonymous_not_allowed`). It runs the same',
    'path: classified, accepted or not, assigned, replied to, counted in the totals. With nobody to reach, no SMS is sent and',
    'the query code is generated but shown to nobody; the documents are addressed to 匿名信访人 and kept on file, so',
    '`deliver` records the filing (method 其他): it starts the 复查申请期限 only (the matter closes when it lapses) and',
    'never the evaluation, so `rate` is refused, and the matter is neither in 参评率/满意率 nor marked 超期未评价',
    '(src/domain/anonymity.ts). Repeat detection by identity skips it; content similarity still applies.',
  );
  lines.push(
    '',
    '## Time limits (defaults; per jurisdiction in `settings`)',
    '',
    '| clock | 期限 | limit |',
    '|---|---|---|',
  );
  for (const [name, limit] of Object.entries(DEFAULT_LIMITS.clocks)) {
    const unit = limit.unit === 'working_days' ? '个工作日' : '日';
    lines.push(`| \`${name}\` | ${CLOCK_NAMES[name as keyof typeof CLOCK_NAMES]} | ${limit.amount}${unit} |`);
  }
  lines.push(
    '',
    `Extension of the handling limit: at most ${DEFAULT_LIMITS.maxExtensionDays} days in total, approved by the bureau's reviewer. ` +
      `Near-due warning ${DEFAULT_LIMITS.nearDueDays} days before. Group visit: ${DEFAULT_LIMITS.groupVisitSize}+ people, at most ${DEFAULT_LIMITS.maxRepresentatives} representatives.`,
    '',
    'Days: day 1 is the day after the trigger; the deadline is 24:00 (Asia/Shanghai) of the last day; a last day on a rest day or',
    'holiday moves to the next working day (official calendar from `chinese-days`); working-day limits skip rest days and count',
    'make-up workdays. Every due date in the API carries an `explanation` of how it was computed.',
    '',
    ...CASE_NUMBERS,
    '',
    '## SMS templates (defaults)',
    '',
    '| stage | text |',
    '|---|---|',
  );
  for (const [stage, text] of Object.entries(SMS_TEMPLATES)) lines.push(`| \`${stage}\` | ${text} |`);
  return `${lines.join('\n')}\n`;
}
