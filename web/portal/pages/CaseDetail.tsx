// One matter: state, deadlines with days left, the timeline in plain words, the documents, and the
// petitioner's actions — only those the server lists in availableActions (评价, 申请复查, 申请复核).
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, List, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { RATING_NAMES } from '../../../src/domain/lifecycle/vocabulary.ts';
import { type ActionAnswer, api, type CaseDetail, errorMessage } from '../../shared/api.ts';
import { daysLeft, formatDate, formatDateTime, groupDigits } from '../../shared/format.ts';
import { Loading } from '../session.tsx';
import { describeEvent } from '../timeline.ts';
import { DaysTag, StateTag } from './Cases.tsx';
import { type CitizenAction, isCitizenAction, PetitionerActionModal } from './PetitionerActions.tsx';

export default function CaseDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const [open, setOpen] = useState<{ action: CitizenAction; label: string }>();
  const q = useQuery({
    queryKey: ['case', id],
    queryFn: () => api<CaseDetail>(`/api/v1/cases/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <Alert type="error" showIcon message={errorMessage(q.error)} />;
  const c = q.data;
  const actions = c.availableActions.filter((a) => isCitizenAction(a.action));
  const running = c.deadlines.filter((d) => d.running);
  const rated = c.evaluation.status === 'rated';
  // What the petitioner wrote again while the matter was open (补充材料), kept on the matter.
  const supplements = c.timeline.filter((e) => typeof e.detail.supplementContent === 'string');

  return (
    <>
      <Card
        className="xf-card"
        title={<h2 style={{ margin: 0, fontSize: 18, whiteSpace: 'normal' }}>{c.subject}</h2>}
      >
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('信访件编号')}>
            <Typography.Text copyable={{ text: c.caseNumber, tooltips: [t('复制'), t('已复制')] }}>
              {groupDigits(c.caseNumber)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('办理状态')}>
            <StateTag state={c.state} name={c.stateName} />
            <DaysTag days={c.daysRemaining} />
          </Descriptions.Item>
          <Descriptions.Item label={t('信访目的')}>{c.purposeName}</Descriptions.Item>
          <Descriptions.Item label={t('提交时间')}>{formatDateTime(c.receivedAt)}</Descriptions.Item>
          {c.units.current ? (
            <Descriptions.Item label={t('当前办理单位')}>{c.units.current.name}</Descriptions.Item>
          ) : null}
          {rated ? (
            <Descriptions.Item label={t('我的评价')}>
              {t('信访部门')} {t(RATING_NAMES[c.evaluation.bureauRating as keyof typeof RATING_NAMES] ?? '')}
              ，{t('责任单位')} {t(RATING_NAMES[c.evaluation.unitRating as keyof typeof RATING_NAMES] ?? '')}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {actions.length > 0 ? (
          <Space wrap style={{ marginTop: 12 }}>
            {actions.map((a) => (
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

      {running.length > 0 ? (
        <Card
          className="xf-card"
          size="small"
          title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('办理期限')}</h3>}
        >
          <List
            size="small"
            dataSource={running}
            renderItem={(d) => (
              <List.Item key={d.name}>
                <div style={{ width: '100%' }}>
                  <Space wrap>
                    <strong>{d.label}</strong>
                    <span>
                      {t('截止')} {d.dueDate}
                    </span>
                    <DaysTag days={daysLeft(d.due)} />
                  </Space>
                  <div className="xf-muted">{d.explanation}</div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Card
        className="xf-card"
        size="small"
        title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('办理过程')}</h3>}
      >
        <Timeline
          items={c.timeline.map((e, i) => {
            const text = describeEvent(e, t);
            return {
              key: `${e.at}-${i}`,
              color: e.action === 'not_accept' ? 'red' : i === c.timeline.length - 1 ? 'green' : 'blue',
              children: (
                <div>
                  <strong>{t(e.label)}</strong> <span className="xf-muted">{formatDateTime(e.at)}</span>
                  {text ? <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div> : null}
                </div>
              ),
            };
          })}
        />
      </Card>

      <Card className="xf-card" size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('文书')}</h3>}>
        {c.documents.length === 0 ? (
          <span className="xf-muted">{t('暂无文书')}</span>
        ) : (
          <List
            size="small"
            dataSource={c.documents}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <a href={`/api/v1/cases/${c.id}/documents/${d.id}`} download={d.filename}>
                  <DownloadOutlined aria-hidden /> {d.title}
                </a>
                {/* PDF: readable on a phone without a Word viewer or 仿宋. */}
                <a
                  href={`/api/v1/cases/${c.id}/documents/${d.id}?format=pdf`}
                  download={d.filename.replace(/\.docx$/, '.pdf')}
                >
                  PDF
                </a>
              </List.Item>
            )}
          />
        )}
      </Card>

      <Card
        className="xf-card"
        size="small"
        title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('信访内容')}</h3>}
      >
        <p style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</p>
        <p className="xf-muted" style={{ marginBottom: 0 }}>
          {t('登记日期')} {formatDate(c.receivedAt)}
        </p>
      </Card>

      {supplements.length > 0 ? (
        <Card
          className="xf-card"
          size="small"
          title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('补充材料')}</h3>}
        >
          <List
            size="small"
            className="xf-supplements"
            dataSource={supplements}
            renderItem={(e) => (
              <List.Item key={e.at}>
                <div style={{ width: '100%' }}>
                  <strong>{String(e.detail.supplementSubject ?? '')}</strong>{' '}
                  <span className="xf-muted">{formatDateTime(e.at)}</span>
                  <p style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {String(e.detail.supplementContent)}
                  </p>
                </div>
              </List.Item>
            )}
          />
        </Card>
      ) : null}

      <Link to="/cases">{t('返回我的信访')}</Link>
      {open ? (
        <PetitionerActionModal
          action={open.action}
          label={t(open.label)}
          send={async (body) => {
            const d = await api<ActionAnswer>(`/api/v1/cases/${c.id}/actions`, { body });
            qc.setQueryData<CaseDetail>(['case', c.id], (prev) => ({ ...d, related: prev?.related ?? [] }));
            void qc.invalidateQueries({ queryKey: ['cases'] });
          }}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
    </>
  );
}
