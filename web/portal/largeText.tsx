// 大字版 (large text, 适老化): older citizens switch the portal to bigger text and taller tap targets
// with a toggle in the header. The choice is kept in localStorage, so every portal page (and the next
// visit) honours it; antd components grow through their theme tokens, the portal's own elements
// through the `xf-large` class on <html> (portal.css).
import { Button, ConfigProvider, type ThemeConfig } from 'antd';
import { type ReactNode, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

const STORAGE_KEY = 'xf_large_text';
const CLASS = 'xf-large';

/** antd's defaults are 14 px text and 32 px controls; 18 px text and 44 px targets (Apple's HIG minimum). */
const LARGE: ThemeConfig = {
  token: { fontSize: 18, controlHeight: 44, controlHeightSM: 36, controlHeightLG: 52 },
};

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

let on = stored();
const listeners = new Set<() => void>();
const apply = () => document.documentElement.classList.toggle(CLASS, on);
if (typeof document !== 'undefined') apply();

export function setLargeText(value: boolean): void {
  on = value;
  try {
    localStorage.setItem(STORAGE_KEY, value ? '1' : '0');
  } catch {
    // private mode: the choice lasts for this page only
  }
  apply();
  for (const l of listeners) l();
}

export function useLargeText(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => on,
  );
}

/** Gives every antd component below the larger tokens while 大字版 is on. */
export function LargeTextTheme({ children }: { children: ReactNode }) {
  const large = useLargeText();
  return <ConfigProvider theme={large ? LARGE : undefined}>{children}</ConfigProvider>;
}

/** The header's toggle: a button that stays pressed while 大字版 is on. */
export function LargeTextToggle() {
  const { t } = useTranslation();
  const large = useLargeText();
  return (
    <Button
      type="text"
      size="small"
      aria-pressed={large}
      className={large ? 'xf-large-toggle xf-large-toggle-on' : 'xf-large-toggle'}
      onClick={() => setLargeText(!large)}
    >
      {t('大字版')}
    </Button>
  );
}
