// The workbench's actions on selected rows: 认领 (each matter claimed by me, POST
// /workbench/cases/:id/claim) and, in 待受理, 批量受理 (POST /workbench/bulk: each matter through the
// lifecycle engine; the answer says which were done and why the others were not). Bulk steps are
// only those the law allows with the same words for many matters (src/domain/workbench/bulk.ts).
import { App, Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { api, type CaseSummary, errorMessage } from '../../shared/api.ts';
import type { BulkAnswer } from './api.ts';

export function BulkBar(props: {
  queue: string | undefined;
  selected: number[];
  rows: CaseSummary[];
  onDone: () => void;
}) {
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const n = props.selected.length;
  if (n === 0) return null;
  const numberOf = (id: number) => props.rows.find((r) => r.id === id)?.caseNumber ?? String(id);

  const report = (verb: string, r: BulkAnswer) => {
    const failed = r.items.filter((i) => !i.ok);
    if (failed.length === 0) {
      message.success(`已${verb} ${r.done} 件`);
      return;
    }
    modal.warning({
      title: `已${verb} ${r.done} 件，${failed.length} 件未能${verb}`,
      content: (
        <ul>
          {failed.map((f) => (
            <li key={f.caseId}>
              {numberOf(f.caseId)}：{f.message}
            </li>
          ))}
        </ul>
      ),
    });
  };

  const claim = async () => {
    setBusy(true);
    const items: BulkAnswer['items'] = [];
    for (const id of props.selected) {
      try {
        await api(`/api/v1/workbench/cases/${id}/claim`, { body: {} });
        items.push({ caseId: id, ok: true, status: 200 });
      } catch (e) {
        items.push({ caseId: id, ok: false, status: 0, message: errorMessage(e) });
      }
    }
    setBusy(false);
    report('认领', {
      done: items.filter((i) => i.ok).length,
      failed: items.filter((i) => !i.ok).length,
      items,
    });
    props.onDone();
  };

  const accept = async () => {
    setBusy(true);
    try {
      const r = await api<BulkAnswer>('/api/v1/workbench/bulk', {
        body: { action: 'accept', caseIds: props.selected },
      });
      report('受理', r);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
      props.onDone();
    }
  };

  return (
    <Space>
      <span>已选 {n} 件</span>
      <Button loading={busy} onClick={() => void claim()}>
        认领所选
      </Button>
      {props.queue === 'pending' ? (
        <Popconfirm title={`受理所选 ${n} 件？`} okText="确认受理" onConfirm={() => accept()}>
          <Button type="primary" loading={busy}>
            批量受理
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
