// i18next with the Chinese text itself as the key: zh-CN (default) needs no table, English maps
// each Chinese phrase to its translation. The choice is kept in localStorage.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Lang = 'zh-CN' | 'en';
export const LANGS: { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];
const STORAGE_KEY = 'xf_lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Shared phrases (API client, validators, layout). */
const COMMON_EN: Record<string, string> = {
  此项必填: 'This field is required',
  请填写正确的11位手机号码: 'Enter a valid 11-digit mobile number',
  '身份证号码应为18位（最后一位可为X）': 'The ID number has 18 characters (the last may be X)',
  身份证号码的地区码无效: 'The region code of the ID number is not valid',
  身份证号码中的出生日期无效: 'The birth date in the ID number is not valid',
  '身份证号码校验位不正确，请核对': 'The check digit of the ID number is wrong; please check it',
  '姓名只能包含汉字、字母和间隔号“·”，长度2到20个字':
    'A name has 2 to 20 Chinese characters or letters (with “·” between parts)',
  '网络连接失败，请检查网络后重试': 'Network error; check your connection and try again',
  '操作失败，请稍后重试': 'Something went wrong; please try again later',
  阳光信访: 'Sunshine Petitions',
  语言: 'Language',
  退出登录: 'Log out',
  修改密码: 'Change password',
  复制: 'Copy',
  已复制: 'Copied',
};

void i18n.use(initReactI18next).init({
  lng: storedLang(),
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: {} }, en: { translation: COMMON_EN } },
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false }, // React escapes
  returnEmptyString: false,
});

if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** Adds an app's English phrases. */
export function addEnglish(en: Record<string, string>): void {
  i18n.addResources('en', 'translation', en);
}

export async function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export default i18n;
