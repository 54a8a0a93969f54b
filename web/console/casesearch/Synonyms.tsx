// 检索同义词: the dictionary that widens a search word to its group (拆迁 ↔ 征收 ↔ 征地拆迁), in force
// at once, no re-index. Read by all staff (it explains their results); the province's administrators
// add, edit and delete groups (GET/POST/PUT/DELETE /api/v1/search/synonyms; each edit is audited and
// bumps the group's version, and an edit of an older version is refused).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { SynonymDictionary, SynonymGroup } from '../../../src/search/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

type Group = SynonymGroup;

export default function SynonymsPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [term, setTerm] = useState('');
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ terms: string[]; note?: string }>();
  const dict = useQuery({
    queryKey: ['synonyms', term],
    queryFn: () =>
      api<SynonymDictionary>(`/api/v1/search/synonyms${term ? `?term=${encodeURIComponent(term)}` : ''}`),
  });
  const items = Array.isArray(dict.data?.items) ? dict.data.items : [];
  const editable = dict.data?.editable === true;

  const open = (g: Group | 'new') => {
    setEditing(g);
    form.setFieldsValue(g === 'new' ? { terms: [], note: '' } : { terms: g.terms, note: g.note ?? '' });
  };
  async function save() {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const body = { terms: v.terms, ...(v.note ? { note: v.note } : {}) };
      if (editing === 'new') await api('/api/v1/search/synonyms', { method: 'POST', body });
      else if (editing)
        await api(`/api/v1/search/synonyms/${editing.id}`, {
          method: 'PUT',
          body: { ...body, version: editing.version },
        });
      message.success('已保存，检索即时生效');
      setEditing(null);
      await qc.invalidateQueries({ queryKey: ['synonyms'] });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  async function remove(g: Group) {
    try {
      await api(`/api/v1/search/synonyms/${g.id}`, { method: 'DELETE' });
      message.success('已删除');
      await qc.invalidateQueries({ queryKey: ['synonyms'] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <PageContainer title={<h1 className="xf-h1">检索同义词</h1>} subTitle="检索一个词时，同组的词一并检索">
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          aria-label="查找词语"
          placeholder="查找词语"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => setTerm(v.trim())}
        />
        {editable ? (
          <Button type="primary" onClick={() => open('new')}>
            新增同义词组
          </Button>
        ) : (
          <Alert type="info" showIcon message="词典由省级管理员维护；如需增改，请联系管理员。" />
        )}
      </Space>
      <Table<Group>
        rowKey="id"
        loading={dict.isFetching}
        dataSource={items}
        locale={{ emptyText: dict.isError ? errorMessage(dict.error) : '暂无同义词组' }}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 组` }}
        columns={[
          {
            title: '同义词',
            dataIndex: 'terms',
            render: (_, g) => g.terms.map((t) => <Tag key={t}>{t}</Tag>),
          },
          { title: '说明', dataIndex: 'note', width: 180 },
          { title: '版本', dataIndex: 'version', width: 70 },
          ...(editable
            ? [
                {
                  title: '操作',
                  key: 'ops',
                  width: 140,
                  render: (_: unknown, g: Group) => (
                    <Space>
                      <Button size="small" onClick={() => open(g)}>
                        修改
                      </Button>
                      <Popconfirm title="删除该同义词组？" onConfirm={() => void remove(g)}>
                        <Button size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        title={editing === 'new' ? '新增同义词组' : '修改同义词组'}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        onOk={() => void save()}
        okText="保存"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="terms"
            label="同义词（输入后回车，至少两个）"
            rules={[{ required: true, type: 'array', min: 2, message: '至少需要两个词' }]}
          >
            <Select mode="tags" aria-label="同义词" open={false} tokenSeparators={[',', '，', '、', ' ']} />
          </Form.Item>
          <Form.Item name="note" label="说明">
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
