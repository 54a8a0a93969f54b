// What both apps wrap themselves in: antd's locale and the red government theme, the message/
// modal context (antd App), react-query, and dayjs in the same language as the page.
import '@ant-design/v5-patch-for-react-19';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './a11y.css';
import { ApiError } from './api.ts';
import { reducedMotion } from './motion.ts';

/** 中国红 with enough contrast for white text (WCAG AA for large and normal text). */
export const THEME: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: '#c41d1d',
    colorLink: '#b01a1a',
    // antd's default tertiary text (rgba(0,0,0,.45), #8c8c8c on white) is 3.35:1: too faint for field
    // labels (Descriptions), hints and secondary Typography. .57 gives 5.1:1 on white and 4.8:1 on
    // the grey label cells (#fafafa), WCAG AA for normal text, still lighter than secondary text.
    colorTextTertiary: 'rgba(0, 0, 0, 0.57)',
    // Placeholders antd draws as text (Select) are read like labels: 4.7:1 instead of 1.9:1.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Danger buttons and error messages: red-7 (5.6:1) instead of #ff4d4f (3.3:1).
    colorError: '#cf1322',
    // Coloured tags write their text in the palette's 7th shade; where that is below 4.5:1 on the
    // tag's own background, the darker 8th/9th shade.
    volcano7: '#ad2102',
    orange7: '#ad4e00',
    gold7: '#874d00',
    yellow7: '#876800',
    lime7: '#3f6600',
    green7: '#237804',
    cyan7: '#006d75',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    // Empty tables and lists write 暂无数据 in the disabled grey (1.8:1).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.57)' },
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.57)' },
  },
};

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again.
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    // No space inserted between two Chinese characters in buttons: a screen reader would read 「登 录」.
    <ConfigProvider locale={en ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
