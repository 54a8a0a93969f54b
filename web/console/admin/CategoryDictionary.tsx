// 二、三级分类: the versioned dictionary below the first-level categories (GET
// /api/v1/categories/dictionary), as a tree under each category. Every member of staff reads it; the
// province administrator (ability categoryDictionary) adds, renames, retires and restores entries
// and loads the official tree from a CSV table (./TreeImport.tsx).
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { type CategoryNode, categoryTree, nextChildCode } from '../../../src/domain/admin/categories.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { DICTIONARY_KEY, useCategoryDictionary } from '../categoryDictionary.ts';
import { useStaff } from '../session.tsx';
import { TreeImport } from './TreeImport.tsx';

type Node = CategoryNode;

type Editing = { kind: 'add'; parent: Node; code: string } | { kind: 'rename'; node: Node };

export function CategoryDictionary() {
  const me = useStaff();
  const may = me.abilities.categoryDictionary;
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [withRetired, setWithRetired] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<{ name: string }>();
  const q = useCategoryDictionary();
  const entries = q.data?.entries ?? [];
  const tree = useMemo(() => categoryTree(entries, withRetired), [entries, withRetired]);
  const live = entries.filter((e) => !e.retired);
  const count = (level: number) => live.filter((e) => e.level === level).length;

  async function change(path: string, init: { method: string; body?: object }, done: string) {
    try {
      const r = await api<{ version: number }>(`/api/v1/categories/dictionary/${path}`, init);
      message.success(`${done}（词典版本 ${r.version}）`);
      await qc.invalidateQueries({ queryKey: DICTIONARY_KEY });
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  }

  async function saveName() {
    if (!editing) return;
    const { name } = await form.validateFields();
    const code = editing.kind === 'add' ? editing.code : editing.node.code;
    const ok = await change(
      code,
      { method: 'PUT', body: { name: name.trim() } },
      editing.kind === 'add' ? '已新增' : '已更名',
    );
    if (ok) setEditing(null);
  }

  function startAdd(parent: Node) {
    const code = nextChildCode(entries, parent.code);
    if (!code) {
      message.error('该分类下已有99个下级分类，不能再新增');
      return;
    }
    form.resetFields();
    setEditing({ kind: 'add', parent, code });
  }

  const actions = (n: Node) => {
    if (!may) return null;
    if (n.retired)
      return (
        <Button
          type="link"
          size="small"
          onClick={() => void change(n.code, { method: 'PUT', body: { name: n.name } }, '已恢复')}
        >
          恢复
        </Button>
      );
    return (
      <Space size={0}>
        {n.level < 3 ? (
          <Button type="link" size="small" onClick={() => startAdd(n)}>
            新增{n.level === 1 ? '二级' : '三级'}
          </Button>
        ) : null}
        {n.level > 1 ? (
          <>
            <Button
              type="link"
              size="small"
              onClick={() => {
                form.setFieldsValue({ name: n.name });
                setEditing({ kind: 'rename', node: n });
              }}
            >
              更名
            </Button>
            <Popconfirm
              title={`停用“${n.name}”？`}
              description="停用后登记时不再可选；已登记的事项保留原分类。"
              okText="停用"
              cancelText="取消"
              onConfirm={() => change(`${n.code}/retire`, { method: 'POST' }, '已停用')}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
    );
  };

  return (
    <Card
      title={<h2 className="xf-h2">二、三级分类</h2>}
      style={{ marginTop: 16 }}
      extra={
        may ? (
          <Button type="primary" onClick={() => setImporting(true)}>
            导入分类体系
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph>
        一级类别以下的二级（代码
        XXYY00）、三级（XXYYZZ）分类，由省级管理员维护，全省通用。每次修改产生一个新的词典版本；停用的分类保留名称，已登记事项沿用原分类。
        分类建议的训练（xinfang classify train）也使用这里的分类作为先验知识。
      </Typography.Paragraph>
      {q.data ? (
        <Typography.Paragraph type="secondary">
          词典版本 {q.data.version}：二级分类 {count(2)} 个，三级分类 {count(3)} 个
          {entries.length > live.length ? `，已停用 ${entries.length - live.length} 个` : ''}。
          {entries.length === 0
            ? may
              ? '尚无二、三级分类：可导入正式的分类体系，或逐个新增。'
              : '尚无二、三级分类，由省级管理员维护。'
            : ''}
        </Typography.Paragraph>
      ) : null}
      {q.isError ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={withRetired} onChange={setWithRetired} aria-label="显示已停用的分类" />
        <span aria-hidden>显示已停用的分类</span>
      </Space>
      <Table<Node>
        size="small"
        rowKey="code"
        pagination={false}
        loading={q.isFetching}
        dataSource={tree}
        columns={[
          {
            title: '名称',
            dataIndex: 'name',
            render: (name: string, n) => (n.level === 1 ? <strong>{name}</strong> : name),
          },
          { title: '代码', dataIndex: 'code', width: 100 },
          {
            title: '级别',
            width: 80,
            render: (_, n) => ['一级', '二级', '三级'][n.level - 1],
          },
          {
            title: '状态',
            width: 110,
            render: (_, n) =>
              n.level === 1 ? (
                <Typography.Text type="secondary">{n.children?.length ?? 0} 个二级</Typography.Text>
              ) : n.retired ? (
                <Tag>已停用</Tag>
              ) : (
                <Tag color="green">使用中</Tag>
              ),
          },
          { title: '修改版本', dataIndex: 'version', width: 90, render: (v?: number) => (v ? `v${v}` : '') },
          ...(may ? [{ title: '操作', width: 220, render: (_: unknown, n: Node) => actions(n) }] : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing?.kind === 'add'
            ? `在“${editing.parent.name}”下新增${editing.parent.level === 1 ? '二级' : '三级'}分类`
            : `更名“${editing?.node.name ?? ''}”`
        }
        okText="保存"
        cancelText="取消"
        onOk={() => void saveName()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing?.kind === 'add' ? (
          <Typography.Paragraph type="secondary">
            代码将为 {editing.code}（自动编排，已停用的代码不再使用）。
          </Typography.Paragraph>
        ) : null}
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label="分类名称"
            rules={[
              { required: true, whitespace: true, message: '请填写分类名称' },
              { max: 40, message: '分类名称不能超过40字' },
            ]}
          >
            <Input maxLength={40} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <TreeImport open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
