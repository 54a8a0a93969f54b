// 我的权益保障卡: the holder's digital cards (发卡 at a first visit), shown with the QR code that
// staff at the next level scan.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyCards } from '../../../src/cards/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { Loading } from '../session.tsx';
import { CardView } from './CardView.tsx';

export default function MyCardsPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['my-cards'],
    queryFn: () => api<MyCards>('/api/v1/my/cards'),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  if (!q.data.items.length)
    return (
      <Card className="xf-card">
        <Empty description={t('您还没有权益保障卡。初次到信访部门走访时领取。')} />
      </Card>
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      {q.data.items.map((c) => (
        <CardView key={c.cardNo} card={c} />
      ))}
    </Space>
  );
}
