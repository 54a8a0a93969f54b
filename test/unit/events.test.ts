// The event bus: reactions run in priority order inside the command, the documented table is the
// wired one, and the case core depends on none of its consumers.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { wireCapabilities } from '../../src/capabilities.ts';
import type { Work } from '../../src/commands/command.ts';
import { EventBus, renderEventTable } from '../../src/commands/events.ts';

describe('EventBus', () => {
  it('runs subscribers by priority, lower first, in the order they were added on a tie', async () => {
    const bus = new EventBus<{ e: { n: number } }>();
    const seen: string[] = [];
    bus.on('e', 'audit', () => void seen.push('audit'), 100);
    bus.on('e', 'a', () => void seen.push('a'), 50);
    bus.on('e', 'links', () => void seen.push('links'), 10);
    bus.on('e', 'b', () => void seen.push('b'), 50);
    await bus.publish({} as Work, 'e', { n: 1 });
    expect(seen).toEqual(['links', 'a', 'b', 'audit']);
  });

  it('refuses the same subscriber twice on one event', () => {
    const bus = new EventBus<{ e: object }>();
    bus.on('e', 'x', () => {});
    expect(() => bus.on('e', 'x', () => {})).toThrow(/already/);
  });
});

describe('the wired capabilities', () => {
  it('docs/architecture.md shows the subscribers as wired (npm run docs:lifecycle)', () => {
    // Spacing collapsed: Biome aligns the table's columns.
    const collapse = (s: string) => s.replace(/ +/g, '').replace(/-{3,}/g, '---');
    const doc = fs.readFileSync(new URL('../../docs/architecture.md', import.meta.url), 'utf8');
    expect(collapse(doc)).toContain(collapse(renderEventTable(wireCapabilities().events)));
  });

  it('keeps rollups and the audit row last on every case event, rollups last where they count the others', () => {
    const described = wireCapabilities().events.describe();
    expect(described.map((d) => d.event)).toContain('backlog.stepped');
    for (const { event, subscribers } of described) {
      const names = subscribers.map((s) => s.name);
      // A capability's own command appends its audit row (backlog.* rows); the case audit follows case events.
      if (!event.startsWith('case')) {
        if (names.includes('analytics.rollups')) expect(names.at(-1), event).toBe('analytics.rollups');
        continue;
      }
      expect(names.at(-1), event).toBe('audit.case');
      expect(names.at(-2), event).toBe('analytics.rollups');
    }
  });

  it('src/cases imports nothing from analytics, warnings, duplicates or search', () => {
    const dir = new URL('../../src/cases/', import.meta.url);
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir.pathname, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const target of imports) {
        expect(target, `${file} imports ${target}`).not.toMatch(
          /^\.\.\/(analytics|warnings|duplicates|search)\//,
        );
      }
    }
  });
});
