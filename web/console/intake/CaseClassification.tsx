// On a case's page: its content category — the classifier's suggestion kept at intake with its
// confidence and routed department, the legal-channel hints (依法分类处理), and for the desk the
// one-click 采用建议 (POST /cases/:id/category; recorded on the timeline) or a change to another
// category. When the matter can be routed now (交办/转送), 采用建议 also opens that action with the
// routed department pre-selected: the registrar confirms category and department in two clicks.
// Below the category, the 细分类 (a second or third level of the province's dictionary) when the
// dictionary has any under it (PUT /cases/:id/subcategory).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { CONTENT_CATEGORIES } from '../../../src/domain/categories.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { LegalHintAlerts } from '../widgets.tsx';
import { type Classification, type Department, isClassification, ROUTED_ACTIONS } from './types.ts';

const STATUS_COLORS: Record<Classification['status'], string> = {
  pending: 'orange',
  confirmed: 'green',
  changed: 'blue',
  given: 'default',
};

export function CaseClassification<A extends { action: string; label: string }>(props: {
  caseId: number;
  /** The actions the caller may take now (the server's availableActions). */
  actions: readonly A[];
  /** Opens an action's form (交办/转送 after the category is confirmed). */
  onRoute: (a: A) => void;
}) {
  const { caseId } = props;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [other, setOther] = useState<string>();
  const [sub, setSub] = useState<string>();
  const [saving, setSaving] = useState(false);
  const q = useQuery({
    queryKey: ['classification', caseId],
    queryFn: () => api<unknown>(`/api/v1/cases/${caseId}/classification`),
    retry: false,
  });
  if (!isClassification(q.data)) return null;
  const c = q.data;
  const first = c.suggestion.top3[0];
  const route = ROUTED_ACTIONS.map((n) => props.actions.find((a) => a.action === n)).find((a) => a);

  /** Sends a change of the classification; the answer is the new classification (and the timeline moved). */
  const change = async (
    path: string,
    init: { method?: string; body: object },
    done: (r: Classification) => void,
  ) => {
    setSaving(true);
    try {
      const r = await api<Classification>(`/api/v1/cases/${caseId}/${path}`, init);
      qc.setQueryData(['classification', caseId], r);
      void qc.invalidateQueries({ queryKey: ['case', caseId], exact: true });
      done(r);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const save = (code: string, then?: A) =>
    change('category', { body: { categoryCode: code } }, (r) => {
      message.success(`内容分类已${r.status === 'confirmed' ? '确认' : '更改'}为“${r.categoryName}”`);
      setOther(undefined);
      if (then) props.onRoute(then);
    });

  /** 细分类: a second or third level below the category, or null to clear it. */
  const saveSub = (code: string | null) =>
    change('subcategory', { method: 'PUT', body: { subcategoryCode: code } }, (r) => {
      message.success(r.subcategoryName ? `细分类已选为“${r.subcategoryName}”` : '已清除细分类');
      setSub(undefined);
    });

  const unitOf = (d: Department) => d.unitName ?? d.name;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      aria-label="内容分类"
      title={
        <Space>
          <span>内容分类</span>
          <Tag color={STATUS_COLORS[c.status]} className="xf-category-status">
            {c.statusName}
          </Tag>
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">内容分类：</Typography.Text>
          {c.categoryName ? (
            <Typography.Text strong>{c.categoryName}</Typography.Text>
          ) : (
            <Typography.Text type="warning">未确认</Typography.Text>
          )}
          {c.decidedBy && c.decidedAt ? (
            <Typography.Text type="secondary">
              （{c.decidedBy} {formatDateTime(c.decidedAt)}）
            </Typography.Text>
          ) : null}
          {c.routed ? (
            <span style={{ marginInlineStart: 16 }}>
              <Typography.Text type="secondary">建议承办：</Typography.Text>
              {unitOf(c.routed.department)}
            </span>
          ) : null}
        </div>
        {c.categoryCode && (c.subcategoryName || c.subcategoryChoices.length > 0) ? (
          <Space wrap>
            <span>
              <Typography.Text type="secondary">细分类：</Typography.Text>
              {c.subcategoryName ? (
                <Typography.Text>{c.subcategoryName}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">未选择</Typography.Text>
              )}
            </span>
            {c.subcategorySuggestion ? (
              c.mayCategorize ? (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  loading={saving}
                  title={`文中有“${c.subcategorySuggestion.matched}”`}
                  onClick={() => c.subcategorySuggestion && void saveSub(c.subcategorySuggestion.code)}
                >
                  采用建议：{c.subcategorySuggestion.label}
                </Button>
              ) : (
                <Typography.Text type="secondary">建议：{c.subcategorySuggestion.label}</Typography.Text>
              )
            ) : null}
            {c.mayCategorize && c.subcategoryChoices.length > 0 ? (
              <>
                <Select
                  aria-label="选择细分类"
                  size="small"
                  style={{ width: 220 }}
                  placeholder="选择二、三级分类"
                  value={sub}
                  onChange={setSub}
                  showSearch
                  optionFilterProp="label"
                  options={c.subcategoryChoices
                    .filter((x) => x.code !== c.subcategoryCode)
                    .map((x) => ({ value: x.code, label: x.label }))}
                />
                <Button
                  size="small"
                  disabled={!sub}
                  loading={saving}
                  onClick={() => sub && void saveSub(sub)}
                >
                  保存细分类
                </Button>
                {c.subcategoryCode ? (
                  <Button size="small" type="link" loading={saving} onClick={() => void saveSub(null)}>
                    清除
                  </Button>
                ) : null}
              </>
            ) : null}
          </Space>
        ) : null}
        <div className="xf-category-suggestion">
          <Typography.Text type="secondary">{c.stored ? '登记时分类建议：' : '分类建议：'}</Typography.Text>
          {c.suggestion.top3.map((t, i) => (
            <Tag key={t.category} color={i === 0 ? 'blue' : undefined}>
              {t.category} {Math.round(t.probability * 100)}% · {unitOf(t.department)}
            </Tag>
          ))}
          {c.suggestion.lowConfidence ? <Tag color="warning">置信度较低，请阅读内容后确认</Tag> : null}
          {c.suggestion.why.length > 0 ? (
            <div>
              <Typography.Text type="secondary">
                依据：
                {c.suggestion.why
                  .slice(0, 6)
                  .map((w) => w.term)
                  .join('、')}
              </Typography.Text>
            </div>
          ) : null}
        </div>
        <LegalHintAlerts hints={c.legalHints} />
        {c.mayCategorize ? (
          <Space wrap>
            {c.status === 'pending' && first?.code ? (
              <Button type="primary" loading={saving} onClick={() => void save(first.code as string, route)}>
                {route
                  ? `采用建议：${first.category}，${route.label}${unitOf(first.department)}`
                  : `确认分类：${first.category}`}
              </Button>
            ) : null}
            <Select
              aria-label="更改内容分类"
              style={{ width: 200 }}
              placeholder={c.categoryCode ? '更改内容分类' : '选择其他内容分类'}
              value={other}
              onChange={setOther}
              showSearch
              optionFilterProp="label"
              options={CONTENT_CATEGORIES.filter((x) => x.code !== c.categoryCode).map((x) => ({
                value: x.code,
                label: x.name,
              }))}
            />
            <Button disabled={!other} loading={saving} onClick={() => other && void save(other)}>
              {c.categoryCode ? '更改分类' : '确定'}
            </Button>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}
