// Password rules (issue 10, fault 8): at least 10 characters, not a common or patterned
// password, not the username or phone number.
import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../src/domain/passwords.ts';

const code = (p: string, id?: { username?: string; phone?: string }) => passwordProblem(p, id)?.code ?? null;

describe('passwordProblem', () => {
  it('accepts the demo passwords and ordinary long passwords', () => {
    for (const p of [
      'Xinfang@2026',
      'Demo@Test2026',
      'Passw0rd!x',
      '鼓楼区信访局2026年工作',
      'correct horse battery',
    ])
      expect(code(p)).toBeNull();
  });

  it('needs at least 10 characters (counted as characters, not bytes)', () => {
    expect(code('12345678')).toBe('password_too_short');
    expect(code('Abc#12345')).toBe('password_too_short');
    expect(code('信访工作条例')).toBe('password_too_short');
    expect(passwordProblem('short')?.message).toBe('密码至少10位');
  });

  it('refuses common and patterned passwords, whatever their case', () => {
    for (const p of [
      '1234567890',
      '0987654321',
      '12345678901234',
      'qwertyuiop',
      'QWERTYUIOP',
      '1qaz2wsx3edc',
      'woaini1314',
      'aaaaaaaaaa',
      '1212121212',
      'Password@2026',
      'P@ssw0rd123',
      'admin!12345',
      '2026Admin!!',
      'abc1234567',
      'Iloveyou123',
    ])
      expect(code(p), p).toBe('password_too_common');
  });

  it('refuses the username or phone number, reversed, or containing them', () => {
    expect(code('gl_registrar', { username: 'gl_registrar' })).toBe('password_like_username');
    expect(code('GL_Registrar', { username: 'gl_registrar' })).toBe('password_like_username');
    expect(code('rartsiger_lg', { username: 'gl_registrar' })).toBe('password_like_username');
    expect(code('gl_registrar2026!', { username: 'gl_registrar' })).toBe('password_like_username');
    expect(code('13812345678', { phone: '13812345678' })).toBe('password_like_username');
    expect(code('Xinfang@2026', { username: 'gl_registrar', phone: '13812345678' })).toBeNull();
  });
});
