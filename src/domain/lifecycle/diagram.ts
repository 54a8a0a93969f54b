// Renders the lifecycle table as documentation (docs/lifecycle.md): a Mermaid state diagram and
// a table of actions. Generated, never hand-edited: `npm run docs:lifecycle`.
import { ROLE_NAMES } from '../roles.ts';
import { ACTIONS, type ActionDef, type ActionName, possibleTargets } from './actions.ts';
import { CLOCK_NAMES, DEFAULT_LIMITS } from './limits.ts';
import { SMS_TEMPLATES } from './notices.ts';
import { STATE_NAMES, STATES, TERMINAL_STATES } from './vocabulary.ts';

const WHO = {
  holder: '当前待办单位',
  bureau: '负责的信访部门',
  petitioner: '信访人本人（或信访部门代录）',
  in_scope: '数据范围内',
};

export function renderLifecycleMarkdown(): string {
  const lines: string[] = [
    '# 办理流程 · Case lifecycle',
    '',
    '<!-- Generated from src/domain/lifecycle/actions.ts by `npm run docs:lifecycle`. Do not edit. -->',
    '',
    'Every action is `POST /api/v1/cases/{id}/actions` with `{"action": NAME, ...payload}`. The case detail',
    'returns `availableActions` for the caller, computed from this same table.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> registered: 登记',
  ];
  for (const s of STATES) lines.push(`  ${s}: ${s} ${STATE_NAMES[s]}`);
  for (const [name, def] of Object.entries(ACTIONS) as [ActionName, ActionDef][]) {
    for (const from of def.from) {
      for (const to of possibleTargets(name)) lines.push(`  ${from} --> ${to}: ${def.label}`);
    }
  }
  for (const s of TERMINAL_STATES) lines.push(`  ${s} --> [*]`);
  lines.push('```', '', '## Actions', '');
  lines.push('| action | 操作 | from | to | roles | who | clocks started / stopped | document | SMS |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const [name, def] of Object.entries(ACTIONS) as [ActionName, ActionDef][]) {
    const clocks = [
      ...(def.starts ?? []).map((c) => `▶ ${CLOCK_NAMES[c]}`),
      ...(def.stops ?? []).map((c) => `■ ${CLOCK_NAMES[c]}`),
      ...(def.within ? [`须在${CLOCK_NAMES[def.within]}内`] : []),
    ].join('<br>');
    lines.push(
      `| \`${name}\` | ${def.label} | ${def.from.join(', ')} | ${def.to} | ${def.roles.map((r) => ROLE_NAMES[r]).join('、')} | ${WHO[def.who]} | ${clocks} | ${def.document ?? ''} | ${def.sms ?? ''} |`,
    );
  }
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
    '## SMS templates (defaults)',
    '',
    '| stage | text |',
    '|---|---|',
  );
  for (const [stage, text] of Object.entries(SMS_TEMPLATES)) lines.push(`| \`${stage}\` | ${text} |`);
  return `${lines.join('\n')}\n`;
}
