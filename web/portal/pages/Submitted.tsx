// The answer on screen after 我要信访: the case number (grouped for reading, copied plain) and query
// code with what happens next — or, for a follow-up on a matter still being handled, that it was added
// to that matter as a supplement and what the citizen may do on it now.
import { Alert, Button, Card, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Registration } from '../../../src/cases/contract.ts';
import { groupDigits } from '../../shared/format.ts';

/** The registration's answer, and the photos sent after it (the matter stands even if they fail). */
export type Submitted = Registration & { photos?: { count: number; error?: string } };

export function SubmittedView({ done, onAgain }: { done: Submitted; onAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <Card className="xf-card">
      <Result
        status={done.state === 'not_accepted' ? 'warning' : 'success'}
        title={<h2 style={{ margin: 0, fontSize: 20 }}>{t('信访事项已提交')}</h2>}
        subTitle={t('请记下信访件编号和查询码，凭此可随时查询办理进展。我们也已通过短信发送给您。')}
      />
      <dl style={{ margin: 0 }}>
        <dt className="xf-muted">{t('信访件编号')}</dt>
        <dd style={{ margin: '0 0 12px' }}>
          <Typography.Text
            className="xf-code"
            data-testid="case-number"
            copyable={{ text: done.caseNumber, tooltips: [t('复制'), t('已复制')] }}
          >
            {groupDigits(done.caseNumber)}
          </Typography.Text>
        </dd>
        {done.queryCode ? (
          <>
            <dt className="xf-muted">{t('查询码')}</dt>
            <dd style={{ margin: '0 0 12px' }}>
              <Typography.Text className="xf-code" copyable={{ tooltips: [t('复制'), t('已复制')] }}>
                {done.queryCode}
              </Typography.Text>
            </dd>
          </>
        ) : null}
      </dl>
      {done.photos ? (
        <Alert
          type={done.photos.error ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          message={done.photos.error ?? t('已上传 {{n}} 张照片', { n: done.photos.count })}
        />
      ) : null}
      <WhatHappensNext />
      {done.repeatOf ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('该事项与您此前提交的事项 {{n}} 相同', { n: done.repeatOf.caseNumber })}
        />
      ) : null}
      <Space wrap>
        <Link to={`/cases/${done.caseId}`}>
          <Button type="primary">{t('查看办理进度')}</Button>
        </Link>
        <Button onClick={onAgain}>{t('再提交一件')}</Button>
      </Space>
    </Card>
  );
}

/** After submitting: what happens next and how to follow it (受理告知 within 15 days, by SMS). */
function WhatHappensNext() {
  const { t } = useTranslation();
  return (
    <section className="xf-next" aria-labelledby="xf-next-title">
      <h3 id="xf-next-title">{t('接下来')}</h3>
      <ol>
        <li>{t('信访部门自收到之日起15日内告知是否受理（受理告知书），结果以短信通知您。')}</li>
        <li>{t('受理后一般在60日内办结，并出具书面处理意见。')}</li>
        <li>{t('办理进展可在“我的信访”中查看；未登录时可在“进度查询”中凭信访件编号和查询码查询。')}</li>
      </ol>
    </section>
  );
}

/**
 * A follow-up on a matter still being handled is not a new petition (重复信访, Art 19): the text is
 * added to that matter as a supplement. Say so plainly, and point to what the citizen may do on the
 * matter now (e.g. 申请复核 once it is 已复查).
 */
export function LinkedToOpenMatter({ done, onAgain }: { done: Submitted; onAgain: () => void }) {
  const { t } = useTranslation();
  const n = groupDigits(done.linkedTo?.caseNumber ?? done.caseNumber);
  const steps = done.nextSteps ?? [];
  return (
    <Card className="xf-card">
      <Result
        status="info"
        title={<h2 style={{ margin: 0, fontSize: 20 }}>{t('已并入您尚未办结的信访事项')}</h2>}
        subTitle={t(
          '该事项尚未办结，您此次提交的内容已作为补充材料并入信访事项 {{n}}，不另立新件。原查询码继续有效。',
          { n },
        )}
      />
      {steps.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('对该事项，您现在可以：{{steps}}', { steps: steps.map((s) => t(s.label)).join('、') })}
          description={t('如对处理意见不服，请在该事项中提出，不必重新提交。')}
        />
      ) : null}
      <Space wrap>
        <Link to={`/cases/${done.caseId}`}>
          <Button type="primary">{steps.length ? t('去办理') : t('查看办理进度')}</Button>
        </Link>
        <Button onClick={onAgain}>{t('提交其他事项')}</Button>
      </Space>
    </Card>
  );
}
