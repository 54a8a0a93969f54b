import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from '../../src/domain/masking.ts';
import { createPii } from '../../src/security/pii.ts';

describe('personal data encryption', () => {
  const pii = createPii('unit-test-secret-0123456789');

  it('round-trips and never produces the same ciphertext twice', () => {
    const a = pii.encrypt('320106199001011234');
    const b = pii.encrypt('320106199001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('320106199001011234');
    expect(pii.decrypt(a)).toBe('320106199001011234');
    expect(pii.decrypt(b)).toBe('320106199001011234');
  });

  it('detects tampering and a wrong key', () => {
    const stored = pii.encrypt('13812345678');
    const parts = stored.split(':');
    const ct = Buffer.from(parts[3] ?? '', 'base64url');
    ct[0] = (ct[0] ?? 0) ^ 1;
    parts[3] = ct.toString('base64url');
    expect(() => pii.decrypt(parts.join(':'))).toThrow();
    expect(() => createPii('another-secret-0123456789').decrypt(stored)).toThrow();
  });

  it('hashes deterministically per key, for exact lookup', () => {
    expect(pii.hash('13812345678')).toBe(pii.hash('13812345678'));
    expect(pii.hash('13812345678')).not.toBe(pii.hash('13812345679'));
    expect(createPii('another-secret-0123456789').hash('13812345678')).not.toBe(pii.hash('13812345678'));
  });

  it('refuses a short secret', () => {
    expect(() => createPii('short')).toThrow(/16/);
  });
});

describe('masking', () => {
  it('masks ID numbers, phones and names as the issue shows', () => {
    expect(maskIdNumber('320106199001011234')).toBe('3201**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('买买提·艾力')).toBe('买*****');
  });
});
