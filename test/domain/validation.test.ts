import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/domain/validation/fields.ts';
import {
  type Checked,
  checkIdNumber,
  checkMobile,
  checkPersonName,
  checkUnitName,
  idNumberCheckDigit,
} from '../../src/domain/validation/index.ts';

const withCheck = (first17: string) => first17 + idNumberCheckDigit(first17);
const errorCode = (r: Checked<unknown>) => (r.ok ? null : r.error.code);
const TODAY = new Date('2024-06-15T12:00:00+08:00');

describe('idNumberCheckDigit', () => {
  it('matches the published GB 11643 sample', () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
  });

  it('rejects input that is not 17 digits', () => {
    expect(() => idNumberCheckDigit('1234')).toThrow();
  });
});

describe('checkIdNumber', () => {
  it('accepts the well-known sample and extracts its parts', () => {
    expect(checkIdNumber('11010519491231002X', 'idNumber', { today: TODAY })).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'F', regionCode: '110105' },
    });
  });

  it('trims and uppercases a trailing x', () => {
    const r = checkIdNumber('  11010519491231002x ');
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
  });

  it('reads sex from the 17th digit', () => {
    const r = checkIdNumber(withCheck('32010619900101123'));
    expect(r.ok && r.value).toMatchObject({ sex: 'M', birthDate: '1990-01-01', regionCode: '320106' });
  });

  it('rejects a wrong check digit', () => {
    const id = withCheck('32010619900101123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const r = checkIdNumber(wrong, 'applicantId');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid_id_number_checksum',
        field: 'applicantId',
        message: '身份证号码校验位不正确，请核对',
      },
    });
  });

  it.each(['', '1101051949123100', '1101051949123100212', '11010519491231002Y', '1101051949123100XX'])(
    'rejects malformed %j',
    (raw) => {
      expect(errorCode(checkIdNumber(raw))).toBe('invalid_id_number');
    },
  );

  it('rejects an unknown province code', () => {
    expect(errorCode(checkIdNumber(withCheck('99010619900101123')))).toBe('invalid_id_number_region');
  });

  it('consults knownRegion with the 6-digit code', () => {
    const seen: string[] = [];
    const knownRegion = (code: string) => {
      seen.push(code);
      return false;
    };
    const r = checkIdNumber('11010519491231002X', 'idNumber', { knownRegion });
    expect(errorCode(r)).toBe('invalid_id_number_region');
    expect(seen).toEqual(['110105']);
    expect(checkIdNumber('11010519491231002X', 'idNumber', { knownRegion: () => true }).ok).toBe(true);
  });

  it.each([
    ['Feb 30', '32010619900230123'],
    ['Feb 29 in a non-leap year', '32010619000229123'],
    ['month 13', '32010619901301123'],
    ['before 1900', '32010618991231123'],
    ['in the future', '32010620240616123'],
  ])('rejects a birth date %s', (_label, first17) => {
    expect(errorCode(checkIdNumber(withCheck(first17), 'idNumber', { today: TODAY }))).toBe(
      'invalid_id_number_birthdate',
    );
  });

  it('accepts Feb 29 in a leap year and a birth date of today', () => {
    expect(checkIdNumber(withCheck('32010620000229123')).ok).toBe(true);
    expect(checkIdNumber(withCheck('32010620240615123'), 'idNumber', { today: TODAY }).ok).toBe(true);
  });

  it('compares "today" as a Shanghai calendar date', () => {
    // 2024-06-15T17:00Z is already 2024-06-16 in Shanghai.
    const id = withCheck('32010620240616123');
    expect(checkIdNumber(id, 'idNumber', { today: new Date('2024-06-15T17:00:00Z') }).ok).toBe(true);
    expect(checkIdNumber(id, 'idNumber', { today: new Date('2024-06-15T15:00:00Z') }).ok).toBe(false);
  });

  it('checks region before birth date before checksum', () => {
    // Bad province, impossible date and wrong check digit all at once: region is reported.
    expect(errorCode(checkIdNumber('990106199002301230'))).toBe('invalid_id_number_region');
    expect(errorCode(checkIdNumber('320106199002301230'))).toBe('invalid_id_number_birthdate');
  });
});

describe('checkMobile', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ['8613812345678', '13812345678'],
    [' 199 0000 1111 ', '19900001111'],
  ])('accepts %j', (raw, expected) => {
    expect(checkMobile(raw)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '138123456789', '1381234567', '12812345678', '23812345678', '+1 13812345678', '138x2345678'])(
    'rejects %j',
    (raw) => {
      expect(checkMobile(raw, 'contactPhone')).toEqual({
        ok: false,
        error: { code: 'invalid_phone', field: 'contactPhone', message: '请填写正确的11位手机号码' },
      });
    },
  );
});

describe('checkPersonName', () => {
  it.each([
    ['张三', '张三'],
    ['  欧阳娜娜 ', '欧阳娜娜'],
    ['买买提·艾力', '买买提·艾力'],
    ['买买提•艾力', '买买提·艾力'],
    ['㐀三', '㐀三'], // CJK Extension A
    ['王𠀀', '王𠀀'], // Extension B (outside the BMP: a surrogate pair)
    ['𪚥𫝀𬺰', '𪚥𫝀𬺰'], // Extensions B, C, E
    ['𰀀王', '𰀀王'], // Extension G
    [`${'王'.repeat(19)}𠀀`, `${'王'.repeat(19)}𠀀`], // 20 characters, 21 UTF-16 units
    ['买买提·𠀀力', '买买提·𠀀力'],
    ['John  Smith', 'John Smith'],
    ["Mary-Jane O'Neil Jr.", "Mary-Jane O'Neil Jr."],
  ])('accepts %j', (raw, expected) => {
    expect(checkPersonName(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty', '   '],
    ['one character', '张'],
    ['digits', '张三1'],
    ['emoji', '张三😀'],
    ['leading middle dot', '·艾力'],
    ['double middle dot', '买买提··艾力'],
    ['mixed scripts', '张San'],
    ['too long Chinese', '张'.repeat(21)],
    ['too long with Extension B', '𠀀'.repeat(21)],
    ['one Extension B character', '𠀀'],
    ['a lone surrogate', '王\ud840'],
    ['CJK radical, not an ideograph', '王⺀'],
    ['too long Latin', 'a'.repeat(51)],
  ])('rejects %s', (_label, raw) => {
    const r = checkPersonName(raw);
    expect(errorCode(r)).toBe('invalid_name');
    expect(!r.ok && r.error.field).toBe('name');
  });
});

describe('checkUnitName', () => {
  it('trims and collapses whitespace', () => {
    expect(checkUnitName('  南京市 玄武区\t人民政府 ', 'unit')).toEqual({
      ok: true,
      value: '南京市 玄武区 人民政府',
    });
  });

  it.each([
    ['empty', ''],
    ['too long', '局'.repeat(61)],
    ['control character', '某某局\u0000'],
  ])('rejects %s', (_label, raw) => {
    expect(errorCode(checkUnitName(raw, 'unit'))).toBe('invalid_unit_name');
  });

  it('accepts exactly 60 characters', () => {
    expect(checkUnitName('局'.repeat(60), 'unit').ok).toBe(true);
  });
});

describe('free text', () => {
  it('refuses half a surrogate pair (JSON can carry it, UTF-8 cannot) and keeps whole pairs', () => {
    expect(errorCode(checkText('物业\ud800费'))).toBe('invalid_text');
    expect(errorCode(checkText('\udc00'))).toBe('invalid_text');
    expect(checkText('王𠀀反映物业问题')).toEqual({ ok: true, value: '王𠀀反映物业问题' });
  });
});
