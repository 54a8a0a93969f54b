// 我的信访: the citizen's own matters, newest first, with the state and the days left.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type CaseSummary, errorMessage } from '../../shared/api.ts';
import { formatDate } from '../../shared/format.ts';
import { Loading } from '../session.tsx';

export function DaysTag({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  if (days < 0) return <Tag color="red">{t('已超期{{n}}天', { n: -days })}</Tag>;
  return <Tag color={days <= 3 ? 'orange' : 'blue'}>{t('剩余{{n}}天', { n: days })}</Tag>;
}

export default function CasesPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: ['cases'],
    queryFn: () => api<{ items: CaseSummary[]; total: number }>('/api/v1/cases?pageSize=100'),
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <Alert type="error" showIcon message={errorMessage(list.error)} />;
  return (
    <Card
      className="xf-card"
      title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('我的信访')}</h2>}
      extra={
        <Link to="/submit">
          <Button type="primary" size="small">
            {t('我要信访')}
          </Button>
        </Link>
      }
    >
      {list.data.items.length === 0 ? (
        <Empty description={t('您还没有信访事项')} />
      ) : (
        <List
          itemLayout="vertical"
          dataSource={list.data.items}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <Link to={`/cases/${c.id}`} aria-label={`${c.subject}，${c.stateName}`}>
                    {c.subject}
                  </Link>
                }
                description={
                  <>
                    <Tag color="red">{c.stateName}</Tag>
                    <DaysTag days={c.daysRemaining} />
                    <div className="xf-muted" style={{ marginTop: 4 }}>
                      {t('编号')} {c.caseNumber} · {formatDate(c.receivedAt)}
                    </div>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
