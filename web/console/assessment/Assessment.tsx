// 责任落实: 考核排名, 责任书 and 问责记录 in tabs (the tab is kept in the URL's ?tab=).
import { PageContainer } from '@ant-design/pro-components';
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import LettersTab from './Letters.tsx';
import RecordsTab from './Records.tsx';
import ScorecardTab from './Scorecard.tsx';

export default function AssessmentPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'scorecard';
  return (
    <PageContainer title={<h1 className="xf-h1">责任落实</h1>}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          { key: 'scorecard', label: '考核排名', children: <ScorecardTab /> },
          { key: 'letters', label: '责任书', children: <LettersTab /> },
          { key: 'records', label: '通报·约谈·问责', children: <RecordsTab /> },
        ]}
      />
    </PageContainer>
  );
}
