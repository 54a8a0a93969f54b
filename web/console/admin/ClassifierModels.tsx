// 分类建议模型: the stored classifier versions and the built-in lexicon (GET /api/v1/classify/models) —
// what each was trained on and which one serves; the province administrator (ability
// classifierActivate) puts another into service or back (POST /api/v1/classify/models/active).
// Training itself is `xinfang classify train` (docs/classifier.md).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ModelItem, ModelList } from '../../../src/classify/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useStaff } from '../session.tsx';

export const MODELS_KEY = ['classifier-models'] as const;

export function ClassifierModels() {
  const me = useStaff();
  const may = me.abilities.classifierActivate;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: MODELS_KEY, queryFn: () => api<ModelList>('/api/v1/classify/models') });

  async function activate(m: ModelItem) {
    try {
      const r = await api<ModelList>('/api/v1/classify/models/active', {
        method: 'POST',
        body: { version: m.version },
      });
      qc.setQueryData(MODELS_KEY, r);
      // The suggestion quality lists the versions too.
      void qc.invalidateQueries({ queryKey: ['suggestion-quality'] });
      message.success(`已启用${m.name}：新登记和待确认的事项按它给出分类建议`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card title="分类建议模型" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">
        登记时的内容分类建议由在用的模型给出。模型用本单位已分类的历史事项训练（命令
        <Typography.Text code>xinfang classify train</Typography.Text>
        ），每次训练保存为一个新版本并启用；新版本不如旧版本时，省级管理员可在此改回旧版本或内置关键词表。
      </Typography.Paragraph>
      {q.error ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
      <Table
        size="small"
        rowKey={(m) => String(m.version)}
        pagination={false}
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        columns={[
          {
            title: '版本',
            render: (_, m) => (
              <span>
                {m.name} {m.active ? <Tag color="green">在用</Tag> : null}
              </span>
            ),
          },
          {
            title: '训练时间',
            render: (_, m) => (m.createdAt ? formatDateTime(m.createdAt) : '随平台提供'),
          },
          {
            title: '训练数据',
            render: (_, m) =>
              m.rows !== null ? (
                `${m.file ?? ''}，${m.rows.toLocaleString('zh-CN')} 件`
              ) : (
                <Typography.Text type="secondary">关键词，未经数据训练</Typography.Text>
              ),
          },
          {
            title: '能建议的类别',
            render: (_, m) => `${m.labels.length} 类`,
          },
          {
            title: '分类体系先验',
            render: (_, m) => m.taxonomy ?? '—',
          },
          {
            title: '训练时估计',
            render: (_, m) =>
              m.estimate !== null ? (
                `macro-F1 ${m.estimate.toFixed(3)}`
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          ...(may
            ? [
                {
                  title: '操作',
                  render: (_: unknown, m: ModelItem) =>
                    m.active ? null : (
                      <Popconfirm
                        title={`启用${m.name}？`}
                        description="新登记和待确认的事项按它给出分类建议；已确定类别的事项保留当时的建议。"
                        okText="启用"
                        cancelText="取消"
                        onConfirm={() => activate(m)}
                      >
                        <Button size="small">启用</Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
