// A rights card as the portal shows it: the face with its QR code (drawn in the browser from the
// card's URL), and the handling written on it (受理、办理、答复、复查、复核 with dates and units).
import { Card, Descriptions, Empty, Timeline } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FullCard, PublicCard } from '../../../src/cards/contract.ts';
import { formatDate, groupDigits } from '../../shared/format.ts';

/** A card as the portal shows it: the public view, or the holder's (staff's) full card. */
export type PortalCard = PublicCard & Partial<Pick<FullCard, 'holder' | 'caseNumber' | 'qrUrl'>>;

export function CardView({ card }: { card: PortalCard }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (card.qrUrl) void QRCode.toDataURL(card.qrUrl, { margin: 1, width: 160 }).then(setQr);
  }, [card.qrUrl]);
  return (
    <Card
      className="xf-card xf-rights-card"
      title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('依法逐级走访权益保障卡')}</h2>}
    >
      <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Descriptions column={1} size="small" style={{ flex: 1, minWidth: 220 }}>
          <Descriptions.Item label={t('卡号')}>{card.cardNo}</Descriptions.Item>
          {card.holder ? <Descriptions.Item label={t('持卡人')}>{card.holder}</Descriptions.Item> : null}
          <Descriptions.Item label={t('发卡机关')}>{`${card.unit}（${card.levelName}）`}</Descriptions.Item>
          <Descriptions.Item label={t('发卡日期')}>{formatDate(card.issuedAt)}</Descriptions.Item>
          {card.caseNumber ? (
            <Descriptions.Item label={t('信访件编号')}>{groupDigits(card.caseNumber)}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('办理状态')}>{card.stateName}</Descriptions.Item>
        </Descriptions>
        {qr ? <img src={qr} alt={t('权益保障卡二维码')} width={140} height={140} /> : null}
      </div>
      <h3 style={{ fontSize: 16, marginTop: 12 }}>{t('办理情况记载')}</h3>
      {card.entries.length ? (
        <Timeline
          items={card.entries.map((e, i) => ({
            key: `${e.stage}-${i}`,
            color: e.stage === 'answer' ? 'green' : 'red',
            children: `${e.stageName} ${formatDate(e.at)} ${e.unit}（${e.levelName}）`,
          }))}
        />
      ) : (
        <Empty description={t('尚无办理记载')} />
      )}
    </Card>
  );
}
