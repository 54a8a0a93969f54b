// docs/user-guide.zh-CN.md and its screenshots (docs/images/, copied from the browser tests' output by
// `npm run docs:screenshots`) must not drift: every image the guide shows exists, and every image
// scripts/docs-screenshots.ts produces is used by the guide.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const guide = fs.readFileSync(`${DOCS}user-guide.zh-CN.md`, 'utf8');
const images = [...guide.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);

describe('docs/user-guide.zh-CN.md', () => {
  it('shows screenshots for both the citizen and the registrar part', () => {
    expect(guide).toContain('## 信访人篇');
    expect(guide).toContain('## 登记员篇');
    expect(images.some((i) => i.includes('portal-'))).toBe(true);
    expect(images.some((i) => i.includes('console-'))).toBe(true);
  });

  it('references only images that exist in docs/images', () => {
    for (const src of images) {
      expect(src, 'relative path under images/').toMatch(/^images\/[\w.-]+\.png$/);
      expect(fs.existsSync(`${DOCS}${src}`), `${src} exists`).toBe(true);
    }
  });

  it('uses every screenshot that npm run docs:screenshots produces', () => {
    const script = fs.readFileSync(new URL('../../scripts/docs-screenshots.ts', import.meta.url), 'utf8');
    const block = script.match(/SCREENSHOTS[^{]*\{([\s\S]*?)\n\};/)?.[1] ?? '';
    const names = [...block.matchAll(/^\s*'([\w-]+)':/gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(images, `${name}.png in the guide`).toContain(`images/${name}.png`);
  });
});
