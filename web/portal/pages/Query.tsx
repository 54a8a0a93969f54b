// 进度查询 without logging in: case number + query code → state, steps and the reply; and, with the
// same two (the query code is the petitioner's key), 评价 and 申请复查/复核 when the server offers them,
// so that a petitioner who wrote, phoned or came in person rates and follows the matter too.
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorMessage, type PublicCase } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { type CitizenAction, isCitizenAction, PetitionerActionModal } from './PetitionerActions.tsx';

export default function QueryPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [result, setResult] = useState<PublicCase>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<{ caseNumber: string; code: string }>();
  const [open, setOpen] = useState<{ action: CitizenAction; label: string }>();

  async function query(v: { caseNumber: string; code: string }) {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const asking = { caseNumber: v.caseNumber.trim(), code: v.code.trim() };
      const n = encodeURIComponent(asking.caseNumber);
      const code = encodeURIComponent(asking.code);
      setResult(await api<PublicCase>(`/api/v1/public/cases/${n}?code=${code}`));
      setAsked(asking);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Card className="xf-card" title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('进度查询')}</h2>}>
        <p className="xf-muted" style={{ marginTop: 0 }}>
          {t('无需登录，凭提交时获得的信访件编号和查询码（短信中也有）查询办理进展。')}
        </p>
        <Form
          layout="vertical"
          requiredMark={false}
          initialValues={{ caseNumber: params.get('caseNumber') ?? '', code: params.get('code') ?? '' }}
          onFinish={query}
        >
          <Form.Item
            label={t('信访件编号')}
            name="caseNumber"
            rules={[{ required: true, pattern: /^\s*\d{16,19}\s*$/, message: t('请填写正确的信访件编号') }]}
          >
            <Input inputMode="numeric" maxLength={30} />
          </Form.Item>
          <Form.Item
            label={t('查询码')}
            name="code"
            rules={[{ required: true, whitespace: true, message: t('请填写查询码') }]}
          >
            <Input maxLength={20} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('查询')}
          </Button>
        </Form>
        {error ? (
          <Alert role="alert" type="error" showIcon message={error} style={{ marginTop: 12 }} />
        ) : null}
      </Card>
      {result ? (
        <section aria-label={t('查询结果')}>
          <Card className="xf-card" title={<h3 style={{ margin: 0, fontSize: 16 }}>{result.subject}</h3>}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('信访件编号')}>{result.caseNumber}</Descriptions.Item>
              <Descriptions.Item label={t('办理状态')}>
                <Tag color="red">{result.stateName}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('提交时间')}>{formatDateTime(result.receivedAt)}</Descriptions.Item>
              {result.unit ? (
                <Descriptions.Item label={t('当前办理单位')}>{result.unit}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {result.evaluation.rated ? <p className="xf-muted">{t('您已评价该事项')}</p> : null}
            {result.availableActions.length > 0 ? (
              <Space wrap style={{ marginTop: 12 }}>
                {result.availableActions
                  .filter((a) => isCitizenAction(a.action))
                  .map((a) => (
                    <Button
                      key={a.action}
                      type={a.action === 'rate' ? 'primary' : 'default'}
                      onClick={() => setOpen({ action: a.action as CitizenAction, label: a.label })}
                    >
                      {t(a.label)}
                    </Button>
                  ))}
              </Space>
            ) : null}
          </Card>
          {result.reply ? (
            <Card
              className="xf-card"
              size="small"
              title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('答复意见')}</h3>}
            >
              {result.reply.outcome ? (
                <p style={{ marginTop: 0 }}>
                  {t('结论')}：<Tag color="green">{result.reply.outcome}</Tag>
                </p>
              ) : null}
              <p style={{ whiteSpace: 'pre-wrap' }}>{result.reply.text}</p>
              <p className="xf-muted" style={{ marginBottom: 0 }}>
                {formatDateTime(result.reply.at)}
              </p>
            </Card>
          ) : null}
          <Card
            className="xf-card"
            size="small"
            title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('办理过程')}</h3>}
          >
            <Timeline
              items={result.steps.map((s, i) => ({
                key: `${s.at}-${i}`,
                children: (
                  <div>
                    <strong>{t(s.label)}</strong> <span className="xf-muted">{formatDateTime(s.at)}</span>
                    {s.unit ? <div>{s.unit}</div> : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </section>
      ) : null}
      {open && asked ? (
        <PetitionerActionModal
          action={open.action}
          label={t(open.label)}
          send={async (body) => {
            const n = encodeURIComponent(asked.caseNumber);
            setResult(
              await api<PublicCase>(`/api/v1/public/cases/${n}/actions`, {
                body: { ...body, code: asked.code },
              }),
            );
          }}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
    </>
  );
}
