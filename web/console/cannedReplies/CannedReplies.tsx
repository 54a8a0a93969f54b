// 常用语: the unit's canned texts for replies (答复意见) and progress notes (办理进展), per content
// category or for all; placeholders such as {信访件编号} are filled from the case when a text is
// inserted in an action form. The server refuses a placeholder it does not know.
import {
  ModalForm,
  PageContainer,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PLACEHOLDERS, PURPOSE_NAMES, PURPOSES } from '../../../src/domain/cannedReplies/placeholders.ts';
import { CONTENT_CATEGORIES } from '../../../src/domain/categories.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import type { CannedReply } from './types.ts';

const KEY = ['canned-replies', 'all'];

function Editor(props: { reply?: CannedReply; trigger: React.ReactElement; onDone: () => void }) {
  const { message } = App.useApp();
  const r = props.reply;
  return (
    <ModalForm
      title={r ? '修改常用语' : '新增常用语'}
      trigger={props.trigger}
      width={640}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={
        r
          ? { purpose: r.purpose, categoryCode: r.categoryCode ?? '', title: r.title, body: r.body }
          : { purpose: 'reply', categoryCode: '' }
      }
      onFinish={async (v: Record<string, string>) => {
        try {
          const body = { ...v, categoryCode: v.categoryCode || null };
          await api(r ? `/api/v1/canned-replies/${r.id}` : '/api/v1/canned-replies', {
            method: r ? 'PUT' : 'POST',
            body,
          });
          message.success(r ? '常用语已修改' : '常用语已新增');
          props.onDone();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      <ProFormSelect
        name="purpose"
        label="用途"
        rules={[{ required: true, message: '请选择用途' }]}
        options={PURPOSE_NAMES.map((p) => ({ value: p, label: PURPOSES[p].label }))}
      />
      <ProFormSelect
        name="categoryCode"
        label="信访内容分类"
        options={[
          { value: '', label: '通用（所有分类）' },
          ...CONTENT_CATEGORIES.map((c) => ({ value: c.code, label: c.name })),
        ]}
      />
      <ProFormText
        name="title"
        label="标题"
        rules={[{ required: true, whitespace: true, message: '请填写标题' }]}
        fieldProps={{ maxLength: 50 }}
      />
      <ProFormTextArea
        name="body"
        label="内容"
        rules={[{ required: true, whitespace: true, message: '请填写内容' }]}
        fieldProps={{ rows: 6, maxLength: 5000, showCount: true }}
        extra={`可用占位符：${Object.keys(PLACEHOLDERS)
          .map((n) => `{${n}}`)
          .join(' ')}`}
      />
    </ModalForm>
  );
}

export default function CannedRepliesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: KEY,
    queryFn: () => api<{ items: CannedReply[] }>('/api/v1/canned-replies'),
  });
  const items = Array.isArray(q.data?.items) ? q.data.items : [];
  const refresh = () => qc.invalidateQueries({ queryKey: ['canned-replies'] });
  return (
    <PageContainer
      title={<h1 className="xf-h1">常用语</h1>}
      extra={<Editor trigger={<Button type="primary">新增常用语</Button>} onDone={() => void refresh()} />}
    >
      <Typography.Paragraph type="secondary">
        本单位的常用语，在出具处理（复查、复核）意见和填写办理进展时插入；占位符按信访事项自动填写，信访人姓名按权限脱敏。
      </Typography.Paragraph>
      <Table<CannedReply>
        rowKey="id"
        loading={q.isPending}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '标题', dataIndex: 'title', width: 160 },
          { title: '用途', dataIndex: 'purposeName', width: 100 },
          {
            title: '分类',
            width: 120,
            render: (_, r) => (r.categoryName ? <Tag>{r.categoryName}</Tag> : <Tag color="green">通用</Tag>),
          },
          {
            title: '内容',
            dataIndex: 'body',
            render: (b: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{b}</span>,
          },
          { title: '更新时间', width: 160, render: (_, r) => formatDateTime(r.updatedAt) },
          {
            title: '操作',
            width: 130,
            render: (_, r) => (
              <Space>
                <Editor
                  reply={r}
                  trigger={
                    <Button type="link" size="small">
                      修改
                    </Button>
                  }
                  onDone={() => void refresh()}
                />
                <Popconfirm
                  title="删除这条常用语？"
                  onConfirm={async () => {
                    try {
                      await api(`/api/v1/canned-replies/${r.id}`, { method: 'DELETE' });
                      message.success('已删除');
                      await refresh();
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
