// 导入分类体系: the province administrator picks a CSV table of names (一级分类,二级分类,三级分类),
// sees what it would add, restore and leave unchanged — or which lines are wrong — and loads it
// (POST /api/v1/categories/dictionary/import, first as a dry run). Excel on Chinese Windows saves
// CSV in GBK: a file that is not UTF-8 is read as GB18030.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TreeImportAnswer } from '../../../src/categories/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { DICTIONARY_KEY } from '../categoryDictionary.ts';

const TEMPLATE =
  '一级分类,二级分类,三级分类\r\n城乡建设,住房保障,公租房分配\r\n城乡建设,住房保障,棚户区改造\r\n';

/** The file's text: UTF-8 (with or without a byte-order mark), else GB18030 (GBK). */
export function decodeTable(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function TreeImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [plan, setPlan] = useState<TreeImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retireAbsent, setRetireAbsent] = useState(false);

  function reset() {
    setFile(null);
    setPlan(null);
    setError(null);
    setRetireAbsent(false);
  }

  async function send(csv: string, dryRun: boolean) {
    return api<TreeImportAnswer>('/api/v1/categories/dictionary/import', {
      method: 'POST',
      body: { csv, dryRun, retireAbsent: !dryRun && retireAbsent },
    });
  }

  async function preview(f: File) {
    reset();
    setBusy(true);
    try {
      const csv = decodeTable(await f.arrayBuffer());
      setFile({ name: f.name, csv });
      setPlan(await send(csv, true));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function load() {
    if (!file) return;
    setBusy(true);
    try {
      const done = await send(file.csv, false);
      const restored = done.entries.filter((e) => e.change === 'restore').length;
      const retired = retireAbsent ? done.absent.length : 0;
      message.success(
        `已导入：新增 ${done.entries.length - restored} 个${restored ? `，恢复 ${restored} 个` : ''}${retired ? `，停用 ${retired} 个` : ''}，词典版本 ${done.version}`,
      );
      await qc.invalidateQueries({ queryKey: DICTIONARY_KEY });
      reset();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const added = plan?.entries.filter((e) => e.change === 'add') ?? [];
  const restored = plan?.entries.filter((e) => e.change === 'restore') ?? [];
  const level = (n: number) => added.filter((e) => e.level === n).length;
  const nothing = plan !== null && plan.entries.length === 0 && !(retireAbsent && plan.absent.length > 0);
  return (
    <Modal
      open={open}
      width={720}
      title="导入分类体系"
      onCancel={() => {
        reset();
        onClose();
      }}
      footer={
        <Space>
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
          >
            取消
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!plan || plan.problemCount > 0 || nothing}
            onClick={() => void load()}
          >
            确认导入
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>
        选择 CSV 表格（Excel 可“另存为
        CSV”），第一行为列名“一级分类,二级分类,三级分类”，每行一个分类，一级分类填平台的类别名称（如“城乡建设”）或代码。
        代码自动编排：词典中已有的同名分类保留原代码，已停用的同名分类恢复使用。导入前先预览，有错误的文件不会导入任何内容。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Upload
          accept=".csv,text/csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void preview(f);
            return false; // read here, sent as text after the preview
          }}
        >
          <Button loading={busy && !plan}>选择文件</Button>
        </Upload>
        <a
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`}
          download="分类体系模板.csv"
        >
          下载模板
        </a>
        {file ? <Typography.Text type="secondary">{file.name}</Typography.Text> : null}
      </Space>
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {plan && plan.problemCount > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          message={`文件有 ${plan.problemCount} 处问题，请修改后重新选择`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {plan.problems.map((p) => (
                <li key={`${p.line}-${p.message}`}>
                  第 {p.line} 行：{p.message}
                </li>
              ))}
              {plan.problemCount > plan.problems.length ? <li>……</li> : null}
            </ul>
          }
        />
      ) : null}
      {plan && plan.problemCount === 0 ? (
        <Alert
          type={nothing ? 'info' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          message={
            nothing
              ? `词典中已有表中全部 ${plan.unchanged} 个分类，无需新增`
              : `将新增二级分类 ${level(2)} 个、三级分类 ${level(3)} 个${restored.length ? `，恢复已停用的 ${restored.length} 个` : ''}；已有且未变的 ${plan.unchanged} 个`
          }
        />
      ) : null}
      {plan && plan.problemCount === 0 && plan.absent.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          <Checkbox checked={retireAbsent} onChange={(e) => setRetireAbsent(e.target.checked)}>
            同时停用词典中在用、表中没有的 {plan.absent.length} 个分类
          </Checkbox>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
            {plan.absent
              .slice(0, 12)
              .map((e) => e.name)
              .join('、')}
            {plan.absent.length > 12 ? ' 等' : ''}。不勾选则保留；已登记事项沿用原分类。
          </Typography.Paragraph>
        </div>
      ) : null}
      {plan && plan.entries.length > 0 ? (
        <Table
          size="small"
          rowKey="code"
          dataSource={plan.entries}
          pagination={{ pageSize: 8, showSizeChanger: false }}
          columns={[
            { title: '代码', dataIndex: 'code', width: 100 },
            { title: '名称', dataIndex: 'name' },
            {
              title: '级别',
              dataIndex: 'level',
              width: 70,
              render: (l: number) => (l === 2 ? '二级' : '三级'),
            },
            {
              title: '变化',
              dataIndex: 'change',
              width: 90,
              render: (c: string) =>
                c === 'add' ? <Tag color="blue">新增</Tag> : <Tag color="orange">恢复</Tag>,
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}
