// Masking of numbers typed into free text (issue 10, fault 7): what roles without full rights see
// of content, notes, event details and SMS texts.
import { describe, expect, it } from 'vitest';
import { maskNumbersInText, maskQueryCode, maskStringsDeep } from '../../src/domain/masking.ts';

const today = new Date('2026-12-01T00:00:00Z');
const mask = (s: string) => maskNumbersInText(s, today);

describe('maskNumbersInText', () => {
  it('masks ID numbers typed into content like the party field (3201**********1234)', () => {
    expect(mask('本人身份证号320106199001011234，请核实')).toBe('本人身份证号3201**********1234，请核实');
    expect(mask('身份证：11010519491231002X。')).toBe('身份证：1101**********002X。');
    expect(mask('ID 11010519491231002x')).toBe('ID 1101**********002x');
    // a mistyped check digit is still someone's number
    expect(mask('320106199001011235')).toBe('3201**********1235');
    // the old 15-digit form
    expect(mask('旧证号320106900101123')).toBe('旧证号3201********123');
  });

  it('masks mobile numbers in every common spelling, and landlines with their area code', () => {
    expect(mask('电话13812345678')).toBe('电话138****5678');
    expect(mask('电话 138 1234 5678 或 138-1234-5678')).toBe('电话 138 **** 5678 或 138-****-5678');
    expect(mask('+8613812345678、008613812345678、86 13812345678')).toBe(
      '+86138****5678、0086138****5678、86 138****5678',
    );
    expect(mask('座机025-83201234，(0516)87654321')).toBe('座机025-****1234，(0516)****4321');
  });

  it('leaves case numbers, dates, amounts and short numbers alone', () => {
    const text =
      '信访件编号3201062026000123（另件3201062026000000123），2026年11月27日 13:00 前，欠薪12345678元，房号1301，邮编210000';
    expect(mask(text)).toBe(text);
    // 18 digits that are no birth date: an 18-digit case number (region, year, sequence)
    expect(mask('320106202600012345')).toBe('320106202600012345');
    // digits inside a longer run are not a phone number
    expect(mask('流水号991381234567899')).toBe('流水号991381234567899');
  });

  it('masks every string inside an event detail, keeping its shape', () => {
    const detail = {
      note: '已电话联系13812345678',
      n: 3,
      list: ['320106199001011234', true],
      nested: { a: null },
    };
    expect(maskStringsDeep(detail, mask)).toEqual({
      note: '已电话联系138****5678',
      n: 3,
      list: ['3201**********1234', true],
      nested: { a: null },
    });
  });
});

describe('maskQueryCode', () => {
  it('hides the one candidate that is the code, nothing else', () => {
    const sms =
      '【阳光信访】您的信访事项已登记，信访件编号3201062026000123，查询码K7M2QX，可凭编号和查询码查询办理进展。';
    expect(maskQueryCode(sms, (c) => c === 'K7M2QX')).toBe(
      '【阳光信访】您的信访事项已登记，信访件编号3201062026000123，查询码******，可凭编号和查询码查询办理进展。',
    );
    expect(maskQueryCode(sms, () => false)).toBe(sms);
    // candidates inside longer words are not looked at
    expect(maskQueryCode('ABCDEFG K7M2QX', (c) => c === 'ABCDEF' || c === 'K7M2QX')).toBe('ABCDEFG ******');
  });
});
