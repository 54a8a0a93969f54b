// At the registration of a visit: the card number typed (or scanned) is checked on request —
// 本级、上一级 or 越级 — and for a 越级 visit the guidance notice is one click away. Each check is a
// visit with a card counted in the 越级上访率 (POST /api/v1/cards/check-visit).
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../download.ts';
import type { CheckAnswer } from './types.ts';

export function CardCheckHint({ cardNo }: { cardNo: string | undefined }) {
  const { message } = App.useApp();
  const [answer, setAnswer] = useState<CheckAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const no = cardNo?.trim() ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button
        disabled={no.length < 6}
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            setAnswer(await api<CheckAnswer>('/api/v1/cards/check-visit', { body: { cardNo: no } }));
          } catch (e) {
            setAnswer(null);
            message.error(errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        核验权益保障卡
      </Button>
      {answer ? (
        <Alert
          type={answer.skipped ? 'error' : 'success'}
          showIcon
          message={`${answer.verdictName}（持卡人：${answer.holder}）`}
          description={answer.message}
          action={
            answer.skipped ? (
              <Button
                size="small"
                onClick={() =>
                  downloadFile(`/api/v1/cards/visits/${answer.visitId}/guidance.docx`, 'guidance.docx').catch(
                    (e) => message.error(errorMessage(e)),
                  )
                }
              >
                出具引导告知书
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </Space>
  );
}
