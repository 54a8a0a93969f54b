// The search highlight: built by the server (escaped text + <mark>), read back by the console
// without ever being parsed as HTML.
import { describe, expect, it } from 'vitest';
import { highlight } from '../../src/search/highlight.ts';
import { highlightParts } from '../../web/shared/marks.ts';

describe('highlight', () => {
  it('marks words found through normalisation in the original characters', () => {
    const h = highlight({ subject: '标题', content: 'ＡＢＣ小区物业费' }, ['abc', '物业费']);
    expect(h).toBe('<mark>ＡＢＣ</mark>小区<mark>物业费</mark>');
  });

  it('falls back to the subject when the content has no match', () => {
    expect(highlight({ subject: '拆迁<补偿>', content: '内容' }, ['拆迁'])).toBe(
      '<mark>拆迁</mark>&lt;补偿&gt;',
    );
  });

  it('never cuts a character outside the basic plane in half', () => {
    const content = `${'𠀀'.repeat(100)}欠薪${'𠀀'.repeat(100)}`;
    const h = highlight({ subject: 's', content }, ['欠薪']) ?? '';
    expect(h).toContain('<mark>欠薪</mark>');
    expect(h.replace(/<\/?mark>|…/g, '')).toMatch(/^(?:𠀀)*欠薪(?:𠀀)*$/u);
  });

  it('round-trips through the console reader as text, marks and nothing else', () => {
    const h =
      highlight({ subject: 's', content: '<img src=x onerror=alert(1)> 噪音 & "扰民"' }, ['噪音']) ?? '';
    const parts = highlightParts(h);
    expect(parts).toEqual(['<img src=x onerror=alert(1)> ', '噪音', ' & "扰民"']);
  });
});
