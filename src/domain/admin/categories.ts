// 信访内容分类, second and third levels (src/categories/): the code rules of the dictionary. A second
// level code 'XXYY00' sits under the first-level 'XX0000' (src/domain/categories.ts); a third level
// code 'XXYYZZ' under the second-level 'XXYY00'. Pure; the browser imports it too.
import { isCategoryCode } from '../categories.ts';

export const CATEGORY_CODE_RE = /^\d{6}$/;

/** 2 or 3 for a well-formed code below the first level, else null. */
export function entryLevel(code: string): 2 | 3 | null {
  if (!CATEGORY_CODE_RE.test(code) || code.slice(2, 4) === '00') return null;
  return code.endsWith('00') ? 2 : 3;
}

/** The code's parent: 'XX0000' for a second-level code, 'XXYY00' for a third-level one. */
export function parentOf(code: string): string | null {
  const level = entryLevel(code);
  if (level === 2) return `${code.slice(0, 2)}0000`;
  if (level === 3) return `${code.slice(0, 4)}00`;
  return null;
}

/**
 * Why the code cannot be added (null when it can): its form, its first-level category, and — for a
 * third-level code — whether its second level exists and is in use (`liveSecondLevel`).
 */
export function newEntryProblem(
  code: string,
  liveSecondLevel: (code: string) => boolean,
): { code: string; message: string } | null {
  const level = entryLevel(code);
  if (level === null)
    return { code: 'category_code_invalid', message: '分类代码应为6位数字：二级为XXYY00，三级为XXYYZZ' };
  const first = `${code.slice(0, 2)}0000`;
  if (!isCategoryCode(first)) return { code: 'category_parent_unknown', message: `一级分类${first}不存在` };
  const parent = parentOf(code) as string;
  if (level === 3 && !liveSecondLevel(parent))
    return { code: 'category_parent_unknown', message: `二级分类${parent}不存在或已停用` };
  return null;
}
