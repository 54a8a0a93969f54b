// Password rules (密码规则) for every password the platform sets: staff accounts, the demo
// accounts, citizens with a password. Pure: a password in, the first problem (or null) out.
// Length beats complexity rules; the blocklist stops the passwords attackers try first.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordProblem {
  code: 'password_too_short' | 'password_too_long' | 'password_too_common' | 'password_like_username';
  message: string;
  en: string;
}

/**
 * Passwords of at least 10 characters that lead leaked-password lists, international and Chinese
 * (shorter ones fail the length rule anyway). Compared lower-cased.
 */
const COMMON = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '1234567890a',
  '123456789a',
  'a123456789',
  'a1234567890',
  'aa123456789',
  'abc123456789',
  '123456789abc',
  'abcd123456',
  'abcd1234567',
  'abc12345678',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'qwer123456',
  'qwe123456789',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'q1w2e3r4t5y6',
  'a1b2c3d4e5',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1qazxsw23edc',
  'zaq1xsw2cde3',
  'qazwsxedcrfv',
  '1234qwerasdf',
  '123qweasdzxc',
  'qweasdzxc123',
  'asdfghjkl1',
  'asdfghjkl123',
  'zxcvbnm123',
  'zxcvbnmasd',
  'asd123456789',
  '1111111111',
  '123123123a',
  '123123123123',
  '1234512345',
  '123456123456',
  '1472583690',
  '147258369a',
  '1234567899',
  '1234554321',
  '9876543210',
  '5201314520',
  '1314520520',
  'woaini1314',
  'woaini5201314',
  'aini1314520',
  'iloveyou12',
  'iloveyou123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'administrator',
  'admin12345',
  'admin123456',
  'admin@123456',
  'welcome123',
  'welcome1234',
  'sunshine123',
  'princess123',
  'football123',
  'baseball123',
  'dragon1234',
  'monkey12345',
  'letmein123',
  'trustno1234',
  'changeme123',
  'default1234',
  'test123456',
  'test1234567',
  'root123456',
  'superman123',
  'computer123',
  'internet123',
  'michael123',
  'wang123456',
  'zhang123456',
  'li123456789',
  'liu123456789',
  'chen123456',
  'yang123456',
  'huang123456',
]);

/** Words behind most "word + year + symbol" passwords (Password@2026, Adm1n#12345), de-leeted. */
const COMMON_WORDS = new Set([
  'password',
  'pass',
  'qwerty',
  'qwer',
  'asdf',
  'zxcv',
  'admin',
  'administrator',
  'welcome',
  'iloveyou',
  'woaini',
  'letmein',
  'changeme',
  'abc',
  'abcd',
  'test',
  'root',
  'user',
]);

const LEET: Record<string, string> = { '@': 'a', '0': 'o', $: 's', '1': 'i', '3': 'e', '5': 's' };

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** 1234567890, 0987654321, qwertyuiop…: one run along the digits or a keyboard row. */
function isRun(p: string): boolean {
  for (const row of [...KEYBOARD_ROWS, '0123456789']) {
    const reversed = [...row].reverse().join('');
    // The run may wrap or repeat (12345678901234): compare against the row repeated.
    const ring = row.repeat(Math.ceil(p.length / row.length) + 1);
    const back = reversed.repeat(Math.ceil(p.length / row.length) + 1);
    if (ring.includes(p) || back.includes(p)) return true;
  }
  return false;
}

function isCommon(password: string): boolean {
  const p = password.toLowerCase();
  if (COMMON.has(p)) return true;
  if (new Set(p).size <= 3) return true; // aaaaaaaaaa, 1212121212, abcabcabca
  if (isRun(p)) return true;
  // A common word with only digits and symbols around it: Password@2026, 2026admin!, P@ssw0rd123.
  const core = p.replace(/^[^a-z]+/u, '').replace(/[^a-z]+$/u, '');
  return COMMON_WORDS.has(core.replace(/[@0$135]/gu, (c) => LEET[c] ?? c));
}

/**
 * The first rule a new password breaks, or null. `identity`: the account's username, phone or
 * name, which the password must not be (nor contain, for names of 4 characters or more).
 */
export function passwordProblem(
  password: string,
  identity: { username?: string | null; phone?: string | null } = {},
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return {
      code: 'password_too_short',
      message: `密码至少${PASSWORD_MIN_LENGTH}位`,
      en: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  if (length > PASSWORD_MAX_LENGTH)
    return {
      code: 'password_too_long',
      message: `密码不超过${PASSWORD_MAX_LENGTH}位`,
      en: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
    };
  const p = password.toLowerCase();
  for (const id of [identity.username, identity.phone]) {
    const v = id?.trim().toLowerCase();
    if (!v) continue;
    if (p === v || p === [...v].reverse().join('') || (v.length >= 4 && p.includes(v)))
      return {
        code: 'password_like_username',
        message: '密码不能与用户名或手机号相同或包含它们',
        en: 'must not be or contain the username or phone number',
      };
  }
  if (isCommon(password))
    return {
      code: 'password_too_common',
      message: '密码过于常见或有规律（如 1234567890、Password@2026），请换一个更难猜的密码',
      en: 'is a common or patterned password (e.g. 1234567890, Password@2026)',
    };
  return null;
}
