// The page a rights card's QR code opens (/portal/card/{no}?s=…): the public sees what the public
// progress query shows; staff logged in whose jurisdiction holds the card see the full card.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { ScannedCard } from '../../../src/cards/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { Loading } from '../session.tsx';
import { CardView } from './CardView.tsx';

export default function CardScanPage() {
  const { t } = useTranslation();
  const { no } = useParams();
  const [params] = useSearchParams();
  const s = params.get('s') ?? '';
  const q = useQuery({
    queryKey: ['card-scan', no, s],
    queryFn: () =>
      api<ScannedCard>(`/api/v1/public/cards/${encodeURIComponent(no ?? '')}?s=${encodeURIComponent(s)}`),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  return (
    <>
      {q.data.view === 'full' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('工作人员查看：完整卡面')} />
      ) : null}
      <CardView card={q.data.full ?? q.data.card} />
    </>
  );
}
