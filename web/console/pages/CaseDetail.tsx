// 事项详情: header (number, state, flags), petitioners as the server returns them (masked per role),
// content, deadlines with their explanation, the full timeline, documents, units, notifications and
// the action buttons, generated from `availableActions` only. Each action opens a modal whose fields
// come from ACTION_FIELDS; registrars' common actions have keyboard shortcuts.
import { InfoCircleOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { NotificationsAnswer } from '../../../src/cases/contract.ts';
import { ROLE_NAMES } from '../../../src/domain/roles.ts';
import {
  type ActionAnswer,
  type AvailableAction,
  api,
  type CaseDetail,
  errorMessage,
  type RelatedCase,
} from '../../shared/api.ts';
import { daysLeft, formatDate, formatDateTime } from '../../shared/format.ts';
import type { TimelineItem } from '../../shared/types.ts';
import { CaseAccused } from '../accusations/CaseAccused.tsx';
import { actionFields, cleanPayload, type Field, SHORTCUTS } from '../actions.tsx';
import { CaseAttachments } from '../attachments/CaseAttachments.tsx';
import { CaseBacklog } from '../backlog/CaseBacklog.tsx';
import { CannedReplyPicker } from '../cannedReplies/CannedReplyPicker.tsx';
import { FlagTags } from '../caseTable.tsx';
import { CaseCohandling } from '../cohandling/CaseCohandling.tsx';
import { UnitsPicker } from '../cohandling/UnitsPicker.tsx';
import { CaseDrafts } from '../drafts/CaseDrafts.tsx';
import { CaseExperts } from '../experts/CaseExperts.tsx';
import { CaseFlags } from '../flags/CaseFlags.tsx';
import { CaseClassification } from '../intake/CaseClassification.tsx';
import { RoutedUnitPicker } from '../intake/RoutedUnitPicker.tsx';
import { ROUTED_ACTIONS } from '../intake/types.ts';
import { CaseLinkage } from '../linkage/CaseLinkage.tsx';
import { CaseMediation } from '../mediation/CaseMediation.tsx';
import { Loading } from '../session.tsx';
import { CaseSupervision } from '../supervision/CaseSupervision.tsx';
import { CaseVideo } from '../video/CaseVideo.tsx';
import { DueTag, UnitPicker } from '../widgets.tsx';
import { CaseAssignee } from '../workbench/CaseAssignee.tsx';

const PARTY_ROLES: Record<string, string> = { petitioner: '信访人', representative: '代表' };
const UNIT_ROLES: Record<string, string> = {
  registering: '登记单位',
  bureau: '负责的信访部门',
  current: '当前待办单位',
  assigned: '承办单位',
  review: '复查（复核）机关',
};
const STATUS_NAMES: Record<string, string> = {
  pending: '待发送',
  sent: '已发送',
  failed: '发送失败',
  dead: '发送失败',
};

function detailLines(lines: TimelineItem['lines']) {
  return lines.map((l) => (
    <div key={l.key} style={{ whiteSpace: 'pre-wrap' }}>
      <Typography.Text type={l.key === 'late' ? 'danger' : 'secondary'}>{l.label}：</Typography.Text>
      {l.value}
    </div>
  ));
}

/** One action field; Form.Item passes id, value and onChange through `rest` to the control. */
function FieldInput({
  f,
  related,
  routedCaseId,
  ...rest
}: {
  f: Field;
  related: RelatedCase[];
  /** 交办/转送: the case whose routed department is pre-selected (src/intake). */
  routedCaseId?: number;
  [prop: string]: unknown;
}) {
  switch (f.kind) {
    case 'relatedCase':
      return (
        <Select
          {...rest}
          placeholder={related.length ? '请选择' : '未发现可关联的信访事项'}
          options={related.map((r) => ({
            value: r.caseId,
            label: `${r.caseNumber} ${r.subject}（${r.reasonText}）`,
          }))}
        />
      );
    case 'text':
      return <Input {...rest} maxLength={f.max} placeholder={f.placeholder} />;
    case 'textarea':
      return <Input.TextArea {...rest} rows={3} maxLength={f.max} showCount={!!f.max && f.max <= 2000} />;
    case 'select':
      return (
        <Select {...rest} options={f.options} placeholder="请选择" showSearch optionFilterProp="label" />
      );
    case 'radio':
      return <Radio.Group {...rest} options={f.options} />;
    case 'number':
      return <InputNumber {...rest} min={f.min} max={f.max} style={{ width: 160 }} />;
    case 'switch':
      return <Switch {...rest} />;
    case 'unit':
      return routedCaseId ? <RoutedUnitPicker caseId={routedCaseId} {...rest} /> : <UnitPicker {...rest} />;
    case 'units':
      return <UnitsPicker {...rest} />;
    case 'multiselect':
      return (
        <Select
          {...rest}
          mode="multiple"
          options={f.options}
          optionFilterProp="label"
          placeholder="请选择（可多选）"
        />
      );
    case 'datetime':
      return <DatePicker {...rest} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />;
  }
}

/** Typed, so a number (unit id, days) is not checked as a string. */
function requiredRule(f: Field): Rule {
  const text = f.kind === 'text' || f.kind === 'textarea';
  const type =
    f.kind === 'unit' || f.kind === 'number' || f.kind === 'relatedCase'
      ? 'number'
      : f.kind === 'switch'
        ? 'boolean'
        : f.kind === 'units' || f.kind === 'multiselect'
          ? 'array'
          : f.kind === 'datetime'
            ? 'object'
            : 'string';
  return { required: true, type, whitespace: text, message: `请${text ? '填写' : '选择'}${f.label}` };
}

function ActionModal(props: {
  caseId: number;
  related: RelatedCase[];
  action: AvailableAction | null;
  /** The limits of the case's jurisdiction (e.g. the longest extension). */
  limits: { maxExtensionDays: number };
  onClose: () => void;
  onDone: (r: ActionAnswer | { visible: false; state: string }, action: string) => void;
}) {
  const { message } = App.useApp();
  const { action } = props;
  const fields = action ? actionFields(action.action, props.limits, !!action.late) : [];
  const initialValues = Object.fromEntries(
    fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]),
  );
  return (
    <ModalForm
      title={action?.label}
      open={action !== null}
      width={640}
      layout="vertical"
      initialValues={initialValues}
      // Dates and times go to the server as ISO 8601 with their offset (zDateTime).
      dateFormatter={(value) => value.format('YYYY-MM-DDTHH:mm:ssZ')}
      modalProps={{ destroyOnHidden: true, onCancel: props.onClose, maskClosable: false }}
      submitter={{ searchConfig: { submitText: `确认${action?.label ?? ''}`, resetText: '取消' } }}
      onFinish={async (values: Record<string, unknown>) => {
        if (!action) return false;
        try {
          const r = await api<ActionAnswer | { visible: false; state: string }>(
            `/api/v1/cases/${props.caseId}/actions`,
            {
              body: { action: action.action, ...cleanPayload(values) },
            },
          );
          message.success(`已${action.label}`);
          props.onDone(r, action.action);
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      {action?.late ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${action.late.clockName}已于${formatDate(action.late.due)}届满，现已逾期${action.late.daysLate}日`}
          description="逾期仍须依法作出决定。本次操作将记为逾期办理（计入及时受理率、按期办结率），请填写逾期原因。"
        />
      ) : null}
      {fields.length === 0 ? <Typography.Paragraph>确认{action?.label}？</Typography.Paragraph> : null}
      {fields.map((f) => (
        <Form.Item
          key={f.name}
          name={f.name}
          label={f.label}
          valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
          rules={f.required ? [requiredRule(f)] : []}
          extra={<CannedReplyPicker caseId={props.caseId} action={action?.action} field={f.name} />}
        >
          <FieldInput
            f={f}
            related={props.related}
            routedCaseId={ROUTED_ACTIONS.some((n) => n === action?.action) ? props.caseId : undefined}
          />
        </Form.Item>
      ))}
    </ModalForm>
  );
}

const isTyping = (el: Element | null) =>
  !!el &&
  (el instanceof HTMLInputElement ||
    el instanceof HTMLTextAreaElement ||
    el instanceof HTMLSelectElement ||
    (el as HTMLElement).isContentEditable);

export default function CaseDetailPage() {
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [active, setActive] = useState<AvailableAction | null>(null);
  const detail = useQuery({ queryKey: ['case', id], queryFn: () => api<CaseDetail>(`/api/v1/cases/${id}`) });
  const notes = useQuery({
    queryKey: ['case', id, 'notifications'],
    queryFn: () => api<NotificationsAnswer>(`/api/v1/cases/${id}/notifications`),
  });
  const available = detail.data?.availableActions ?? [];

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || active || isTyping(document.activeElement)) return;
      if (document.querySelector('.ant-modal-wrap:not([style*="display: none"])')) return;
      const name = SHORTCUTS[e.key.toLowerCase()];
      const a = name ? available.find((x) => x.action === name) : undefined;
      if (a) {
        e.preventDefault();
        setActive(a);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [available, active]);

  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return (
      <PageContainer title={<h1 className="xf-h1">事项详情</h1>}>
        <Alert type="error" showIcon message={errorMessage(detail.error)} />
      </PageContainer>
    );
  const c = detail.data;
  const shortcuts = Object.entries(SHORTCUTS)
    .map(([key, name]) => ({ key, a: available.find((x) => x.action === name) }))
    .filter((s) => s.a);

  const done = (r: ActionAnswer | { visible: false; state: string }, action: string) => {
    setActive(null);
    void qc.invalidateQueries({ queryKey: ['cases'] });
    if ('visible' in r && r.visible === false) {
      message.info('操作已完成，本单位已不再负责该事项，返回工作台');
      navigate('/');
      return;
    }
    // The answer leaves out the related matters (no action changes them); after 关联重复件 the
    // links did change, so read the case again.
    const answer = r as ActionAnswer;
    qc.setQueryData<CaseDetail>(['case', id], (prev) => ({ ...answer, related: prev?.related ?? [] }));
    if (action === 'link_repeat') void qc.invalidateQueries({ queryKey: ['case', id], exact: true });
    void qc.invalidateQueries({ queryKey: ['case', id, 'notifications'] });
  };

  return (
    <PageContainer
      onBack={() => navigate(-1)}
      title={
        <Space>
          <h1 className="xf-h1">信访件 {c.caseNumber}</h1>
          <Tag color="red" className="xf-state">
            {c.stateName}
          </Tag>
        </Space>
      }
      subTitle={<FlagTags flags={c.flags} />}
      extra={available.map((a) => (
        <Button
          key={a.action}
          type={
            ['accept', 'assign', 'reply', 'deliver', 'decide_review', 'decide_rereview'].includes(a.action)
              ? 'primary'
              : 'default'
          }
          danger={a.action === 'not_accept'}
          onClick={() => setActive(a)}
        >
          {a.label}
        </Button>
      ))}
      content={
        shortcuts.length ? (
          <Typography.Text type="secondary" aria-label="快捷键">
            快捷键：
            {shortcuts.map((s) => (
              <span key={s.key} style={{ marginInlineEnd: 12 }}>
                <kbd className="xf-kbd">{s.key.toUpperCase()}</kbd> {s.a?.label}
              </span>
            ))}
          </Typography.Text>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col span={16}>
          <CaseClassification caseId={c.id} actions={available} onRoute={setActive} />
          <CaseBacklog caseId={c.id} jurisdictionCode={c.jurisdictionCode} />
          <CaseSupervision caseId={c.id} jurisdictionCode={c.jurisdictionCode} state={c.state} />
          <CaseVideo caseId={c.id} />
          <CaseMediation caseId={c.id} state={c.state} currentUnitId={c.currentUnitId ?? null} />
          <CaseExperts caseId={c.id} jurisdictionCode={c.jurisdictionCode} />
          <CaseLinkage caseId={c.id} state={c.state} />
          <CaseAttachments caseId={c.id} />
          <CaseAssignee caseId={c.id} state={c.state} />
          <CaseFlags caseId={c.id} />
          <CaseCohandling caseId={c.id} state={c.state} />
          <CaseDrafts caseId={c.id} />
          <Card title={<h2 className="xf-h2">{c.subject}</h2>} style={{ marginBottom: 16 }}>
            <Descriptions column={3} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label="信访形式">{c.formName}</Descriptions.Item>
              <Descriptions.Item label="信访目的">{c.purposeName}</Descriptions.Item>
              <Descriptions.Item label="收到时间">{formatDateTime(c.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="问题属地">
                {c.jurisdictionName ?? c.jurisdictionCode}
              </Descriptions.Item>
              <Descriptions.Item label="人数">{c.peopleCount}</Descriptions.Item>
              <Descriptions.Item label="当前期限">
                {c.dueAt ? (
                  <Space size={4}>
                    {formatDate(c.dueAt)}
                    <DueTag days={c.daysRemaining} />
                  </Space>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {c.content}
            </Typography.Paragraph>
          </Card>
          <CaseAccused caseId={c.id} purpose={c.purpose} />
          <Card title={<h2 className="xf-h2">信访人</h2>} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              dataSource={c.parties}
              columns={[
                { title: '身份', dataIndex: 'role', render: (r: string) => PARTY_ROLES[r] ?? r },
                { title: '姓名', dataIndex: 'name' },
                { title: '身份证号码', dataIndex: 'idNumber', render: (v) => v ?? '—' },
                { title: '电话', dataIndex: 'phone', render: (v) => v ?? '—' },
                { title: '住址', dataIndex: 'address', render: (v) => v ?? '—' },
                ...(c.parties.some((p) => p.rightsCardNo)
                  ? [
                      {
                        title: '权益保障卡号',
                        dataIndex: 'rightsCardNo',
                        render: (v: string | null) => v ?? '—',
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          <Card title={<h2 className="xf-h2">办理过程</h2>} style={{ marginBottom: 16 }}>
            <Timeline
              className="xf-timeline"
              items={c.timeline.map((e) => ({
                children: (
                  <div>
                    <Space size={8}>
                      <Typography.Text strong>{e.label}</Typography.Text>
                      <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                      {e.actorRole ? (
                        <Tag>{ROLE_NAMES[e.actorRole as keyof typeof ROLE_NAMES] ?? e.actorRole}</Tag>
                      ) : null}
                      {e.actorName ? <Typography.Text type="secondary">{e.actorName}</Typography.Text> : null}
                    </Space>
                    {detailLines(e.lines)}
                  </div>
                ),
              }))}
            />
          </Card>
          <Card title={<h2 className="xf-h2">短信通知</h2>}>
            <Table
              size="small"
              pagination={false}
              rowKey={(_, i) => String(i)}
              loading={notes.isPending}
              dataSource={notes.data?.items ?? []}
              locale={{ emptyText: notes.isError ? errorMessage(notes.error) : '暂无通知' }}
              columns={[
                {
                  title: '时间',
                  dataIndex: 'createdAt',
                  width: 140,
                  render: (v: string) => formatDateTime(v),
                },
                { title: '接收号码', dataIndex: 'recipient', width: 120 },
                { title: '内容', dataIndex: 'text' },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 90,
                  render: (s: string) => STATUS_NAMES[s] ?? s,
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card title={<h2 className="xf-h2">办理期限</h2>} style={{ marginBottom: 16 }}>
            {c.deadlines.length === 0 ? <Typography.Text type="secondary">无</Typography.Text> : null}
            {c.deadlines.map((d) => (
              <div key={d.name} className="xf-deadline" style={{ marginBottom: 8 }}>
                <Space size={6} wrap>
                  <Typography.Text strong={d.running} type={d.running ? undefined : 'secondary'}>
                    {d.label}
                  </Typography.Text>
                  <span>{d.dueDate}</span>
                  {d.running ? <DueTag days={daysLeft(d.due)} /> : <Tag>已停止</Tag>}
                  {d.extendedBy ? <Tag color="blue">延期{d.extendedBy}天</Tag> : null}
                  <Tooltip title={d.explanation}>
                    <InfoCircleOutlined aria-label={`${d.label}的计算方法：${d.explanation}`} tabIndex={0} />
                  </Tooltip>
                </Space>
                {d.staffNote ? (
                  <div>
                    <Typography.Text type="warning">{d.staffNote}</Typography.Text>
                  </div>
                ) : null}
              </div>
            ))}
          </Card>
          <Card title={<h2 className="xf-h2">文书</h2>} style={{ marginBottom: 16 }}>
            {c.documents.length === 0 ? <Typography.Text type="secondary">暂无文书</Typography.Text> : null}
            <ul className="xf-docs" style={{ paddingInlineStart: 20, margin: 0 }}>
              {c.documents.map((d) => (
                <li key={d.id}>
                  <a href={`/api/v1/cases/${c.id}/documents/${d.id}`} download={d.filename}>
                    {d.title}
                  </a>{' '}
                  <a
                    href={`/api/v1/cases/${c.id}/documents/${d.id}?format=pdf`}
                    download={d.filename.replace(/\.docx$/, '.pdf')}
                  >
                    PDF
                  </a>
                </li>
              ))}
            </ul>
          </Card>
          <Card title={<h2 className="xf-h2">疑似重复 / 相关信访件</h2>} style={{ marginBottom: 16 }}>
            {(c.related ?? []).length === 0 ? (
              <Typography.Text type="secondary">未发现相同信访人或内容相似的信访件</Typography.Text>
            ) : (
              <ul className="xf-related" aria-label="疑似重复信访件">
                {c.related.map((r) => (
                  <li key={r.caseId}>
                    <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> {r.subject}
                    <div>
                      <Typography.Text type="secondary">{r.reasonText}</Typography.Text>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={<h2 className="xf-h2">相关单位</h2>}>
            <Descriptions column={1} size="small">
              {Object.entries(UNIT_ROLES).map(([k, label]) => (
                <Descriptions.Item key={k} label={label}>
                  {c.units[k]?.name ?? '—'}
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Link to="/">返回工作台</Link>
          </Card>
        </Col>
      </Row>
      <ActionModal
        caseId={c.id}
        related={c.related ?? []}
        action={active}
        limits={c.limits}
        onClose={() => setActive(null)}
        onDone={done}
      />
    </PageContainer>
  );
}
