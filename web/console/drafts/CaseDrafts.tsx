// On a case's page: the drafts of its opinion (处理意见书、复查意见书、复核意见书) — write, preview the
// rendered page, 签发 (a leader of the unit or above), and 出具 after a confirmation, where the
// unit requires sign-off only once signed. Asks GET /api/v1/cases/:id/drafts; shows nothing when
// the answer is not a list (an error, a citizen).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { DRAFT_FIELDS, type DraftAction } from '../../../src/domain/drafts/rules.ts';
import { actionDef } from '../../../src/domain/lifecycle/actions.ts';
import type { DraftItem, DraftPreview, DraftsAnswer } from '../../../src/drafts/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

type Draft = DraftItem;
type Answer = DraftsAnswer;

const STATUS_COLORS: Record<string, string> = { draft: 'orange', signed: 'green', issued: 'default' };

/** The action's own form fields (labels, outcome options) for the draft's text. */
const fieldsOf = (action: DraftAction) =>
  actionDef(action).form.filter((f) => (DRAFT_FIELDS[action] as readonly string[]).includes(f.name));

function DraftForm(props: {
  caseId: number;
  action: DraftAction;
  draft?: Draft;
  answer: Answer;
  onClose: (saved: boolean) => void;
}) {
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const save = async () => {
    const v = await form.validateFields();
    const { template, ...fields } = v as Record<string, string>;
    setBusy(true);
    try {
      await api(`/api/v1/cases/${props.caseId}/drafts`, {
        body: { action: props.action, template, fields, version: props.draft?.version },
      });
      message.success('草稿已保存');
      props.onClose(true);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={720}
      title={`${props.draft ? '修改' : '拟写'}${props.answer.draftable.find((d) => d.action === props.action)?.title ?? props.draft?.title ?? '意见书'}`}
      okText="保存草稿"
      confirmLoading={busy}
      onOk={save}
      onCancel={() => props.onClose(false)}
    >
      {props.draft?.status === 'signed' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="该草稿已签发：修改后须重新报领导签发"
        />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          template: props.draft?.template ?? props.answer.rules?.template,
          ...props.draft?.fields,
        }}
      >
        <Form.Item name="template" label="文本模板">
          <Select aria-label="文本模板" options={props.answer.templates} />
        </Form.Item>
        {fieldsOf(props.action).map((f) =>
          f.kind === 'radio' ? (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={[{ required: true, message: `请选择${f.label}` }]}
            >
              <Radio.Group options={f.options?.map((o) => ({ value: o.value, label: o.label }))} />
            </Form.Item>
          ) : (
            <Form.Item key={f.name} name={f.name} label={f.label}>
              <Input.TextArea aria-label={f.label} rows={3} maxLength={f.max ?? 5000} />
            </Form.Item>
          ),
        )}
      </Form>
    </Modal>
  );
}

function Preview(props: { draft: Draft; onClose: (changed: boolean) => void }) {
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['draft-preview', props.draft.id, props.draft.version],
    queryFn: () => api<DraftPreview>(`/api/v1/drafts/${props.draft.id}/preview`),
    retry: false,
  });
  const sign = async () => {
    setBusy(true);
    try {
      await api(`/api/v1/drafts/${props.draft.id}/sign`, {
        body: { version: props.draft.version, ...(comment.trim() ? { comment } : {}) },
      });
      message.success('已签发');
      props.onClose(true);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      width={560}
      title={`预览：${props.draft.title}（${props.draft.templateName}）`}
      onCancel={() => props.onClose(false)}
      footer={
        props.draft.maySign ? (
          <Space>
            <Input
              aria-label="签发意见"
              placeholder="签发意见（可不填）"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              style={{ width: 220 }}
            />
            <Button type="primary" loading={busy} disabled={!q.data} onClick={sign}>
              签发
            </Button>
          </Space>
        ) : null
      }
    >
      {q.isLoading ? <p>正在生成预览…</p> : null}
      {q.error ? <Alert type="error" showIcon message={errorMessage(q.error)} /> : null}
      <div
        className="xf-draft-pages"
        style={{ maxHeight: '65vh', overflowY: 'auto', background: '#f0f0f0', padding: 8 }}
      >
        {q.data?.pages.map((src, i) => (
          <img
            key={src.slice(-32)}
            src={src}
            alt={`${q.data?.title} 第${i + 1}页`}
            style={{
              width: '100%',
              marginBottom: 8,
              boxShadow: '0 1px 4px rgba(0,0,0,.2)',
              background: '#fff',
            }}
          />
        ))}
      </div>
    </Modal>
  );
}

function IssueConfirm(props: { caseId: number; draft: Draft; onClose: (issued: boolean) => void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const issue = async () => {
    setBusy(true);
    try {
      await api(`/api/v1/drafts/${props.draft.id}/issue`, { body: { version: props.draft.version } });
      message.success(`${props.draft.title}已出具`);
      props.onClose(true);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`确认出具${props.draft.title}`}
      okText="确认出具"
      confirmLoading={busy}
      onOk={issue}
      onCancel={() => props.onClose(false)}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="文书">{props.draft.title}</Descriptions.Item>
        <Descriptions.Item label="出具单位">{props.draft.unitName}</Descriptions.Item>
        <Descriptions.Item label="文本模板">{props.draft.templateName}</Descriptions.Item>
        <Descriptions.Item label="签发">
          {props.draft.signedBy
            ? `${props.draft.signedBy}${props.draft.signComment ? `（${props.draft.signComment}）` : ''}`
            : '未签发'}
        </Descriptions.Item>
      </Descriptions>
      <Alert
        type="info"
        showIcon
        message="出具后即生成 Word 和 PDF 文书、记入办理过程并短信告知信访人，不能撤回。"
      />
    </Modal>
  );
}

export function CaseDrafts(props: { caseId: number }) {
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ action: DraftAction; draft?: Draft } | null>(null);
  const [previewing, setPreviewing] = useState<Draft | null>(null);
  const [issuing, setIssuing] = useState<Draft | null>(null);
  const q = useQuery({
    queryKey: ['case', props.caseId, 'drafts'],
    queryFn: () => api<Answer>(`/api/v1/cases/${props.caseId}/drafts`),
    retry: false,
  });
  const a = q.data;
  if (!a || !Array.isArray(a.items) || !Array.isArray(a.draftable)) return null;
  const open = a.items.filter((d) => d.status !== 'issued');
  const toWrite = a.draftable.filter((d) => !open.some((o) => o.action === d.action));
  if (open.length === 0 && toWrite.length === 0) return null;
  // The case's detail too: an issued opinion moves the matter on and adds its document.
  const refresh = () => void qc.invalidateQueries({ queryKey: ['case', props.caseId] });
  const needsSignoff = a.rules?.signoffRequired ?? false;
  return (
    <Card
      size="small"
      title="意见书草稿与签发"
      style={{ marginBottom: 16 }}
      extra={
        <Space>
          {a.rules ? <Tag>{a.rules.templateName}</Tag> : null}
          {needsSignoff ? <Tag color="red">本单位出具前须领导签发</Tag> : null}
          {toWrite.map((d) => (
            <Button key={d.action} size="small" onClick={() => setEditing({ action: d.action })}>
              拟写{d.title}
            </Button>
          ))}
        </Space>
      }
    >
      {open.length === 0 ? <span style={{ color: '#6b6b6b' }}>暂无草稿</span> : null}
      {open.map((d) => (
        <div key={d.id} className="xf-draft" style={{ marginBottom: 8 }}>
          <Space wrap>
            <strong>{d.title}</strong>
            <Tag color={STATUS_COLORS[d.status]}>{d.statusName}</Tag>
            <span>{d.templateName}</span>
            <span style={{ color: '#6b6b6b' }}>拟稿：{d.updatedBy}</span>
            {d.signedBy ? (
              <span>
                签发：{d.signedBy}
                {d.signComment ? `（${d.signComment}）` : ''}
              </span>
            ) : null}
            <Button size="small" onClick={() => setPreviewing(d)}>
              {d.maySign ? '预览并签发' : '预览'}
            </Button>
            {d.mayEdit ? (
              <Button size="small" onClick={() => setEditing({ action: d.action, draft: d })}>
                修改
              </Button>
            ) : null}
            {d.mayEdit && (d.status === 'signed' || !needsSignoff) ? (
              <Button size="small" type="primary" onClick={() => setIssuing(d)}>
                出具
              </Button>
            ) : null}
          </Space>
        </div>
      ))}
      {editing ? (
        <DraftForm
          caseId={props.caseId}
          action={editing.action}
          draft={editing.draft}
          answer={a}
          onClose={(saved) => {
            setEditing(null);
            if (saved) refresh();
          }}
        />
      ) : null}
      {previewing ? (
        <Preview
          draft={previewing}
          onClose={(changed) => {
            setPreviewing(null);
            if (changed) refresh();
          }}
        />
      ) : null}
      {issuing ? (
        <IssueConfirm
          caseId={props.caseId}
          draft={issuing}
          onClose={(issued) => {
            setIssuing(null);
            if (issued) refresh();
          }}
        />
      ) : null}
    </Card>
  );
}
