// 我的信访: the citizen's own matters, newest first, with the state and the days left. Each matter is
// one card and the whole card is the link (a thumb finds it anywhere, not just on the title).
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CaseState, STATE_TONES, type StateTone } from '../../../src/domain/lifecycle/vocabulary.ts';
import { api, type CaseSummary, errorMessage } from '../../shared/api.ts';
import { formatDate, groupDigits } from '../../shared/format.ts';
import { Loading } from '../session.tsx';

export function DaysTag({ days }: { days: number | null }) {
  const { t } = useTranslation();
  if (days === null) return null;
  if (days < 0) return <Tag color="red">{t('已超期{{n}}天', { n: -days })}</Tag>;
  return <Tag color={days <= 3 ? 'orange' : 'blue'}>{t('剩余{{n}}天', { n: days })}</Tag>;
}

const TONE_COLORS: Record<StateTone, string> = {
  neutral: 'default',
  normal: 'blue',
  attention: 'orange',
  refused: 'red',
};

/** The state as a tag whose colour follows STATE_TONES (red only for a refusal). */
export function StateTag({ state, name }: { state: string; name: string }) {
  const tone = STATE_TONES[state as CaseState] ?? 'neutral';
  return (
    <Tag color={TONE_COLORS[tone]} data-tone={tone}>
      {name}
    </Tag>
  );
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
        <ul className="xf-case-list">
          {list.data.items.map((c) => (
            <li key={c.id}>
              {/* Named by its own text (axe label-content-name-mismatch): subject, state, number, date. */}
              <Link className="xf-case-card" to={`/cases/${c.id}`}>
                <span className="xf-case-title">{c.subject}</span>
                <span className="xf-case-tags">
                  <StateTag state={c.state} name={c.stateName} />
                  <DaysTag days={c.daysRemaining} />
                </span>
                <span className="xf-muted">
                  {t('编号')} {groupDigits(c.caseNumber)} · {formatDate(c.receivedAt)}
                </span>
                <RightOutlined className="xf-case-arrow" aria-hidden />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
