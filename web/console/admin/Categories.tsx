// 分类: the platform's content categories (src/domain/categories.ts, via GET /api/v1/classify/categories) and the
// routing table of a jurisdiction — which department a category goes to (GET/PUT
// /api/v1/classify/routing/:code; a setting applies to the subtree unless a lower level sets its own),
// the classifier versions (./ClassifierModels.tsx), how the suggestions held up against the categories
// filed (./SuggestionQuality.tsx), and below them
// the second and third levels (./CategoryDictionary.tsx).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Catalogue, RoutingAnswer } from '../../../src/classify/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { useStaff } from '../session.tsx';
import { PlaceCascader } from '../widgets.tsx';
import { CategoryDictionary } from './CategoryDictionary.tsx';
import { ClassifierModels } from './ClassifierModels.tsx';
import { SubcategoryRouting } from './SubcategoryRouting.tsx';
import { SuggestionQuality } from './SuggestionQuality.tsx';

type Routing = Record<string, string>;

export default function CategoriesPage() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [code, setCode] = useState(me.jurisdiction?.code ?? '320000');
  const [draft, setDraft] = useState<Routing>({});
  const [saving, setSaving] = useState(false);
  const catalogue = useQuery({
    queryKey: ['categories'],
    queryFn: () => api<Catalogue>('/api/v1/classify/categories'),
  });
  const routing = useQuery({
    queryKey: ['routing', code],
    queryFn: () => api<RoutingAnswer>(`/api/v1/classify/routing/${code}`),
  });
  useEffect(() => {
    if (routing.data) setDraft(routing.data.routing);
  }, [routing.data]);

  const deptName = (key: string) => catalogue.data?.departments.find((d) => d.key === key)?.name ?? key;
  // What differs from the table in force; '' takes a 细分类's own department back.
  const changed = Object.entries(draft).filter(([cat, key]) => (routing.data?.routing[cat] ?? '') !== key);

  async function save() {
    setSaving(true);
    try {
      const r = await api<RoutingAnswer>(`/api/v1/classify/routing/${code}`, {
        method: 'PUT',
        body: Object.fromEntries(changed),
      });
      qc.setQueryData(['routing', code], r);
      message.success('已保存，对本辖区及下级生效（下级另行设置的除外）');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const error = catalogue.error ?? routing.error;
  return (
    <PageContainer title={<h1 className="xf-h1">分类</h1>}>
      <Card>
        <Typography.Paragraph>
          平台使用信访内容分类的 15 个一级类别和“其他”，共 16 类；分类建议只在这 15
          个类别中给出，“其他”由登记人自行选择。下表为各类别建议的承办部门（登记时可改）；“城乡建设”中的违建、占道、摊贩等事项在设有城管局的地方建议城管局。
          展开类别可为其二、三级分类（细分类）单独指定承办部门，如“物业管理”交市场监管局；未单独指定的随类别。
          下表为所选行政区划生效的对照（含上级设置）；修改后对本辖区及下级生效。
        </Typography.Paragraph>
        <Space style={{ marginBottom: 16 }}>
          <span>行政区划：</span>
          <PlaceCascader
            aria-label="行政区划"
            style={{ width: 320 }}
            placeholder={code}
            onChange={(v) => {
              const last = v[v.length - 1];
              if (last) setCode(last);
            }}
          />
          <Typography.Text type="secondary">当前：{code}</Typography.Text>
        </Space>
        {error ? <Alert type="error" showIcon message={errorMessage(error)} /> : null}
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          loading={catalogue.isFetching || routing.isFetching}
          dataSource={catalogue.data?.categories ?? []}
          // Each category's 细分类 may go to a department of its own (展开).
          expandable={{
            rowExpandable: (c) => c.suggested,
            expandedRowRender: (c) => (
              <SubcategoryRouting
                categoryCode={c.code}
                categoryName={c.name}
                routing={routing.data?.routing ?? {}}
                draft={draft}
                onChange={setDraft}
                departments={catalogue.data?.departments ?? []}
                categoryDepartment={draft[c.name] ?? c.defaultDepartment}
              />
            ),
          }}
          columns={[
            { title: '代码', dataIndex: 'code', width: 90 },
            { title: '类别', dataIndex: 'name', width: 150 },
            { title: '常见事项', dataIndex: 'description', width: 260 },
            {
              title: '承办部门',
              width: 200,
              render: (_, c) =>
                c.suggested ? (
                  <Select
                    aria-label={`${c.name}承办部门`}
                    style={{ width: 160 }}
                    value={draft[c.name] ?? c.defaultDepartment}
                    onChange={(key: string) => setDraft({ ...draft, [c.name]: key })}
                    options={catalogue.data?.departments.map((d) => ({ value: d.key, label: d.name }))}
                  />
                ) : (
                  <Typography.Text type="secondary">不作分类建议，由登记人选择</Typography.Text>
                ),
            },
            {
              title: '默认',
              width: 110,
              render: (_, c) =>
                !c.suggested ? null : (draft[c.name] ?? c.defaultDepartment) === c.defaultDepartment ? (
                  <Tag>默认</Tag>
                ) : (
                  <Tag color="orange">默认：{deptName(c.defaultDepartment)}</Tag>
                ),
            },
            {
              title: '分类关键词（部分）',
              render: (_, c) =>
                c.keywordCount ? (
                  <Typography.Text type="secondary">
                    {c.keywords.join('、')}…（共 {c.keywordCount} 个）
                  </Typography.Text>
                ) : null,
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => void save()} loading={saving} disabled={changed.length === 0}>
            保存{changed.length ? `（${changed.length} 项修改）` : ''}
          </Button>
          <Button disabled={changed.length === 0} onClick={() => setDraft(routing.data?.routing ?? {})}>
            撤销修改
          </Button>
        </Space>
      </Card>
      <ClassifierModels />
      <SuggestionQuality code={code} />
      <CategoryDictionary />
    </PageContainer>
  );
}
