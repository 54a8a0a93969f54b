// What the registrar sees while typing a petition (debounced): the suggested content category with
// the words behind it and a one-click 采用, the responsible department, legal-channel hints
// (依法分类处理) from POST /api/v1/classify, and possible repeats from POST /api/v1/cases/similar
// (shown only where that endpoint exists). Advice only: nothing here changes what is saved.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, type FormInstance, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Suggestion } from '../../../src/classify/contract.ts';
import type { SimilarAnswer as Similar } from '../../../src/duplicates/contract.ts';
import { ApiError, api } from '../../shared/api.ts';
import { LegalHintAlerts } from '../widgets.tsx';

const DEBOUNCE_MS = 400;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function RegisterAssist({ form }: { form: FormInstance }) {
  const subject = (Form.useWatch('subject', form) as string | undefined) ?? '';
  const content = (Form.useWatch('content', form) as string | undefined) ?? '';
  const place = Form.useWatch('place', form) as string[] | undefined;
  const idNumber = Form.useWatch('idNumber', form) as string | undefined;
  const phone = Form.useWatch('phone', form) as string | undefined;
  const chosen = Form.useWatch('categoryCode', form) as string | undefined;
  const input = useDebounced(
    {
      subject: subject.trim(),
      content: content.trim(),
      jurisdictionCode: place?.[place.length - 1],
      idNumber: idNumber?.trim() || undefined,
      phone: phone?.trim() || undefined,
    },
    DEBOUNCE_MS,
  );
  const hasText = input.subject.length + input.content.length >= 4;

  const suggestion = useQuery({
    queryKey: ['classify', input.subject, input.content, input.jurisdictionCode],
    enabled: hasText,
    queryFn: () =>
      api<Suggestion>('/api/v1/classify', {
        body: { subject: input.subject, content: input.content, jurisdictionCode: input.jurisdictionCode },
      }),
    staleTime: 60_000,
  });
  const similar = useQuery({
    queryKey: ['similar', input],
    enabled: hasText && input.jurisdictionCode !== undefined,
    // Where the duplicate check is not installed (404) show nothing rather than an error.
    queryFn: () =>
      api<Similar>('/api/v1/cases/similar', { body: input }).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return { candidates: [] };
        throw e;
      }),
    staleTime: 60_000,
  });

  if (!hasText) return null;
  const s = suggestion.data;
  const dupes = similar.data?.candidates ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} aria-label="登记辅助">
      {dupes.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={`可能是重复信访：发现 ${dupes.length} 件相似事项，请核对后再登记`}
          description={
            <List
              size="small"
              dataSource={dupes.slice(0, 5)}
              renderItem={(d) => (
                <List.Item>
                  <Space wrap>
                    <Link to={`/cases/${d.caseId}`} target="_blank">
                      {d.caseNumber}
                    </Link>
                    <span>{d.subject}</span>
                    <Tag>{d.reasonText}</Tag>
                    <Typography.Text type="secondary">相似度 {Math.round(d.score * 100)}%</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      <LegalHintAlerts hints={s?.legalHints} />
      {s && s.top3.length > 0 ? (
        <Card size="small" title="内容分类建议">
          <Space direction="vertical" style={{ width: '100%' }}>
            {s.top3.map((t, i) => (
              <Space key={t.category} wrap>
                <Typography.Text strong={i === 0}>{t.category}</Typography.Text>
                <Tag>{Math.round(t.probability * 100)}%</Tag>
                <Typography.Text type="secondary">
                  承办：{t.department.unitName ?? t.department.name}
                </Typography.Text>
                {t.code ? (
                  <Button
                    size="small"
                    type={i === 0 ? 'primary' : 'default'}
                    disabled={chosen === t.code}
                    onClick={() => form.setFieldValue('categoryCode', t.code)}
                  >
                    {chosen === t.code ? '已采用' : '采用'}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">不在内容分类中，请手工选择</Typography.Text>
                )}
              </Space>
            ))}
            {s.why.length > 0 ? (
              <Typography.Text type="secondary">
                依据：
                {s.why
                  .slice(0, 6)
                  .map((w) => w.term)
                  .join('、')}
              </Typography.Text>
            ) : null}
          </Space>
        </Card>
      ) : null}
    </Space>
  );
}
