import { type Checked, fail, ok } from './result.ts';

// Every CJK unified ideograph: the basic block, Extension A, and Extensions B and beyond outside the
// BMP (王𠀀: rare characters of real names, written as surrogate pairs, each counted as one
// character); a middle dot may separate parts of a transliterated minority name (买买提·艾力) but
// not start, end or repeat.
const CHINESE_NAME = /^\p{Unified_Ideograph}+(?:·\p{Unified_Ideograph}+)*$/u;
// Latin-script letters (accents allowed); must start with a letter.
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin} .'-]*$/u;

function collapse(raw: string): string {
  return raw.trim().replace(/\s+/g, ' ');
}

export function checkPersonName(raw: string, field = 'name'): Checked<string> {
  const name = collapse(raw).replace(/•/g, '·');
  const len = [...name].length; // code points: 𠀀 is one character, not two UTF-16 units
  const valid =
    (CHINESE_NAME.test(name) && len >= 2 && len <= 20) || (LATIN_NAME.test(name) && len >= 2 && len <= 50);
  if (!valid) {
    return fail('invalid_name', field, '姓名只能包含汉字、字母和间隔号“·”，长度2到20个字');
  }
  return ok(name);
}

/** Organisation / work-unit (单位) name. */
export function checkUnitName(raw: string, field = 'unitName'): Checked<string> {
  const name = collapse(raw);
  const len = [...name].length;
  // \p{Cc} covers C0/C1 controls; tabs and newlines are already collapsed to spaces above.
  if (len < 1 || len > 60 || /\p{Cc}/u.test(name)) {
    return fail('invalid_unit_name', field, '单位名称不能为空，不超过60个字，且不能包含控制字符');
  }
  return ok(name);
}
