// The staff console (工作台) at /console/: a placeholder until the console issue builds it.
import '../shared/i18n.ts';
import { Button, Result, Space } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../shared/i18n.ts';
import { Providers } from '../shared/providers.tsx';

addEnglish({
  工作台建设中: 'The staff console is under construction',
  '工作人员可暂时通过接口办理信访事项。': 'Meanwhile staff can work through the API.',
  接口文档: 'API docs',
  返回首页: 'Home',
});

function ConsolePlaceholder() {
  const { t } = useTranslation();
  return (
    <main>
      <Result
        status="info"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>{t('工作台建设中')}</h1>}
        subTitle={t('工作人员可暂时通过接口办理信访事项。')}
        extra={
          <Space wrap>
            <Button type="primary" href="/api/docs">
              {t('接口文档')}
            </Button>
            <Button href="/">{t('返回首页')}</Button>
          </Space>
        }
      />
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
createRoot(root).render(
  <StrictMode>
    <Providers>
      <ConsolePlaceholder />
    </Providers>
  </StrictMode>,
);
