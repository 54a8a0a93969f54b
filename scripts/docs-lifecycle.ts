// Generated documentation: docs/lifecycle.md from the action definitions, and the event table of
// docs/architecture.md (between its EVENTS markers) from the subscribers wired in src/capabilities.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { wireCapabilities } from '../src/capabilities.ts';
import { renderEventTable } from '../src/commands/events.ts';
import { renderLifecycleMarkdown } from '../src/domain/lifecycle/diagram.ts';

fs.writeFileSync(new URL('../docs/lifecycle.md', import.meta.url), renderLifecycleMarkdown());
process.stdout.write('docs/lifecycle.md written\n');

const arch = new URL('../docs/architecture.md', import.meta.url);
const text = fs.readFileSync(arch, 'utf8');
const table = renderEventTable(wireCapabilities().events);
const replaced = text.replace(
  /(<!-- EVENTS:BEGIN[^>]*-->)[\s\S]*?(<!-- EVENTS:END -->)/,
  (_, begin: string, end: string) => `${begin}\n${table}\n${end}`,
);
if (!replaced.includes(table)) throw new Error('docs/architecture.md has no EVENTS markers');
fs.writeFileSync(arch, replaced);
// Biome aligns markdown tables; the test compares the table with its spacing collapsed.
execFileSync('npx', ['biome', 'format', '--write', 'docs/architecture.md'], { stdio: 'ignore' });
process.stdout.write('docs/architecture.md event table written\n');
