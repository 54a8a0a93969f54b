// The two tables of the desk's tools: notification kinds (who gets what, SMS where allowed) and the
// placeholders of canned texts (known names filled, unknown ones found).
import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  PLACEHOLDERS,
  placeholdersIn,
  purposeFor,
  unknownPlaceholders,
} from '../../src/domain/cannedReplies/placeholders.ts';
import {
  effectivePreference,
  INBOX_KIND_NAMES,
  INBOX_KINDS,
  type InboxKind,
} from '../../src/domain/inbox/kinds.ts';
import { holderRoles } from '../../src/domain/inbox/recipients.ts';

describe('notification kinds', () => {
  it('never sends SMS where the kind does not allow it, whatever was stored', () => {
    expect(effectivePreference('due_soon', { sms: true })).toEqual({ inApp: true, sms: false });
    expect(effectivePreference('assignment')).toEqual({ inApp: true, sms: false });
    expect(effectivePreference('supervision')).toEqual({ inApp: true, sms: true });
    expect(effectivePreference('overdue', { inApp: false, sms: true })).toEqual({ inApp: false, sms: true });
  });

  it('has SMS texts that name the matter only — or nothing, for kinds not about a matter', () => {
    for (const k of INBOX_KIND_NAMES) {
      const kind: InboxKind = INBOX_KINDS[k];
      const text = kind.sms('32010620260001');
      expect(text.startsWith('【阳光信访】')).toBe(true);
      // Kinds that lead to a page (预警, 晨报, 账号锁定, 节假日) concern no single matter.
      if (kind.link) expect(text).not.toMatch(/\d/);
      else expect(text).toContain('32010620260001');
    }
  });

  it('tells those who may act as holder in the state', () => {
    expect(holderRoles('handling').sort()).toEqual(['handler', 'registrar', 'reviewer']);
    expect(holderRoles('review_requested')).toContain('reviewer');
    expect(holderRoles('closed')).toEqual([]);
  });
});

describe('canned text placeholders', () => {
  it('finds names in braces, known or not', () => {
    expect(placeholdersIn('{信访人称呼}您好，{信访件编号}/{信访人称呼}')).toEqual([
      '信访人称呼',
      '信访件编号',
    ]);
    expect(unknownPlaceholders('{信访人称呼}{姓名}{toString}')).toEqual(['姓名', 'toString']);
  });

  it('fills the known ones', () => {
    const values = Object.fromEntries(Object.keys(PLACEHOLDERS).map((k) => [k, `<${k}>`])) as Record<
      keyof typeof PLACEHOLDERS,
      string
    >;
    expect(fillPlaceholders('{信访人称呼}：{办结期限}前{未知}', values)).toBe(
      '<信访人称呼>：<办结期限>前{未知}',
    );
  });

  it('says which form fields offer which texts', () => {
    expect(purposeFor('reply', 'decision')).toBe('reply');
    expect(purposeFor('add_progress', 'note')).toBe('note');
    expect(purposeFor('decide_review', 'facts')).toBeNull();
    expect(purposeFor('toString', 'note')).toBeNull();
  });
});
