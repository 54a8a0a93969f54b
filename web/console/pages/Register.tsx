// 登记: letters (来信), visits (来访) and calls (来电) registered by the bureau (POST /api/v1/cases).
// Afterwards: the case number and query code, or that the petition joined an open matter (重复信访)
// or was not accepted again (a finally closed matter).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { Registration } from '../../../src/cases/contract.ts';
import { ANONYMOUS_FORMS } from '../../../src/domain/anonymity.ts';
import { CASE_FLAGS, type CaseFlag, FLAG_RULES } from '../../../src/domain/flags.ts';
import { PURPOSE_NAMES, PURPOSES, type Purpose } from '../../../src/domain/lifecycle/vocabulary.ts';
import { api, errorMessage } from '../../shared/api.ts';
import { PhotoPicker, photoFiles } from '../../shared/attachments/PhotoPicker.tsx';
import { uploadAttachments } from '../../shared/attachments/upload.ts';
import { placeCode, useLimits } from '../../shared/limits.ts';
import { idNumberRule, nameRule, normalisePhone, phoneRule } from '../../shared/validation.ts';
import { AccusedFields, type AccusedValue, accusedPayload } from '../accusations/AccusedFields.tsx';
import { CardCheckHint } from '../cards/CardCheckHint.tsx';
import { ScanLetter } from '../ocr/ScanLetter.tsx';
import { PlaceCascader } from '../widgets.tsx';
import { CategoryFields } from './CategoryFields.tsx';
import { RegisterAssist } from './RegisterAssist.tsx';

type Form3 = 'letter' | 'visit' | 'phone';
const FORM_LABELS: Record<Form3, string> = { letter: '来信', visit: '来访', phone: '来电' };
const ANONYMOUS_NOTE =
  '未署名的来信（来电）：不填信访人信息，不发短信、不给查询码、不作评价，照常受理、办理和统计。';

interface Person {
  name: string;
  idNumber?: string;
  phone?: string;
}

interface Values {
  /** 匿名来信/来电: no petitioner fields (src/domain/anonymity.ts). */
  anonymous?: boolean;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  place: string[];
  purpose: Purpose;
  categoryCode?: string;
  subcategoryCode?: string;
  subject: string;
  content: string;
  receivedAt?: Dayjs;
  peopleCount?: number;
  representatives?: Person[];
  rightsCard?: string;
  previousCaseNumber?: string;
  /** 事项标识 (重大紧急 reports upwards at once). */
  flags?: CaseFlag[];
  /** 被反映人 (purpose 揭发控告). */
  accused?: AccusedValue[];
  photos?: UploadFile[];
}

/** The registration's answer, and the scans and photos sent after it when they failed (the matter stands). */
type Registered = Registration & { attachmentError?: string };

/** As the API checks it (src/cases/routes.ts). */
const RIGHTS_CARD_RE = /^\s*[A-Za-z0-9-]{6,30}\s*$/;

const party = (p: Person & { address?: string }) => ({
  name: p.name.trim(),
  ...(p.idNumber?.trim() ? { idNumber: p.idNumber.trim().toUpperCase() } : {}),
  ...(p.phone?.trim() ? { phone: normalisePhone(p.phone) } : {}),
  ...(p.address?.trim() ? { address: p.address.trim() } : {}),
});

function Done({ r, onAgain }: { r: Registered; onAgain: () => void }) {
  const navigate = useNavigate();
  const linked = r.linkedTo;
  const refused = r.repeatOf && r.state === 'not_accepted';
  return (
    <Card>
      <Result
        status={refused ? 'warning' : linked ? 'info' : 'success'}
        title={
          <h2 style={{ margin: 0, fontSize: 20 }}>
            {linked ? '重复信访：已并入正在办理的事项' : refused ? '已登记：不再受理' : '登记成功'}
          </h2>
        }
        subTitle={
          linked
            ? `该信访人就同一事项的信访正在办理中，本次信访已并入信访件 ${linked.caseNumber}，不另立新件。`
            : refused
              ? `该事项（信访件 ${r.repeatOf?.caseNumber}）已办理终结，以同一事实和理由再次提出，依法不再受理，已出具告知书。`
              : r.queryCode
                ? '请将信访件编号和查询码告知信访人（已同时短信发送）。'
                : '匿名信访：无信访人可告知，不发送短信，不设评价；处理意见书存档备查。'
        }
      />
      {r.attachmentError ? (
        <Alert type="warning" showIcon message={`附件未上传：${r.attachmentError}`} />
      ) : null}
      <Descriptions bordered column={1} size="middle" style={{ maxWidth: 560, margin: '0 auto' }}>
        <Descriptions.Item label="信访件编号">
          <Typography.Text className="xf-code" copyable strong>
            {r.caseNumber}
          </Typography.Text>
        </Descriptions.Item>
        {r.queryCode ? (
          <Descriptions.Item label="查询码">
            <Typography.Text className="xf-code" copyable strong>
              {r.queryCode}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
        {linked ? <Descriptions.Item label="并入事项">{linked.caseNumber}</Descriptions.Item> : null}
      </Descriptions>
      <div style={{ textAlign: 'center', marginTop: 24 }}>
        <Space>
          <Button type="primary" onClick={() => navigate(`/cases/${linked?.caseId ?? r.caseId}`)}>
            查看事项
          </Button>
          <Button onClick={onAgain}>继续登记</Button>
        </Space>
      </div>
    </Card>
  );
}

export default function RegisterPage() {
  const qc = useQueryClient();
  const [sp, setSp] = useSearchParams();
  const kind: Form3 = (['letter', 'visit', 'phone'] as const).find((f) => f === sp.get('form')) ?? 'letter';
  const [form] = Form.useForm<Values>();
  // How many representatives the chosen place allows (an administrator may have changed it).
  const { maxRepresentatives } = useLimits(placeCode(Form.useWatch('place', form)));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Registered>();
  const mayBeAnonymous = (ANONYMOUS_FORMS as readonly string[]).includes(kind);
  const anonymous = Form.useWatch('anonymous', form) === true && mayBeAnonymous;
  const rightsCard = Form.useWatch('rightsCard', form) as string | undefined;
  const accusation = Form.useWatch('purpose', form) === 'accusation';

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const reps =
        kind === 'visit' ? (v.representatives ?? []).filter((p) => p?.name?.trim()).map(party) : [];
      const content = v.content.trim();
      const card = kind === 'visit' ? v.rightsCard?.trim().toUpperCase() : undefined;
      const r = await api<Registered>('/api/v1/cases', {
        body: {
          form: kind,
          purpose: v.purpose,
          jurisdictionCode: v.place[v.place.length - 1],
          subject: v.subject.trim(),
          content,
          ...(v.categoryCode ? { categoryCode: v.categoryCode } : {}),
          ...(v.categoryCode && v.subcategoryCode ? { subcategoryCode: v.subcategoryCode } : {}),
          ...(anonymous
            ? { anonymous: true }
            : { petitioner: { ...party(v), ...(card ? { rightsCardNo: card } : {}) } }),
          ...(kind === 'letter' && v.receivedAt
            ? { receivedAt: v.receivedAt.hour(9).minute(0).second(0).millisecond(0).toISOString() }
            : {}),
          ...(kind === 'visit' && (v.peopleCount ?? 1) > 1
            ? { peopleCount: v.peopleCount, isJoint: true, ...(reps.length ? { representatives: reps } : {}) }
            : {}),
          ...(v.previousCaseNumber?.trim() ? { previousCaseNumber: v.previousCaseNumber.trim() } : {}),
          ...(v.flags?.length ? { flags: v.flags } : {}),
          ...(v.purpose === 'accusation' && accusedPayload(v.accused).length
            ? { accused: accusedPayload(v.accused) }
            : {}),
        },
      });
      const files = photoFiles(v.photos);
      const attachmentError = files.length
        ? await uploadAttachments(r.caseId, files).then(() => undefined, errorMessage)
        : undefined;
      setDone({ ...r, attachmentError });
      void qc.invalidateQueries({ queryKey: ['cases'] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <PageContainer title={<h1 className="xf-h1">登记{FORM_LABELS[kind]}</h1>}>
      {done ? (
        <Done
          r={done}
          onAgain={() => {
            setDone(undefined);
            form.resetFields();
          }}
        />
      ) : (
        <Card>
          <Radio.Group
            aria-label="信访形式"
            optionType="button"
            buttonStyle="solid"
            value={kind}
            onChange={(e) => setSp({ form: e.target.value as string })}
            options={(['letter', 'visit', 'phone'] as const).map((f) => ({
              value: f,
              label: FORM_LABELS[f],
            }))}
            style={{ marginBottom: 24 }}
          />
          {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} /> : null}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={submit}
            initialValues={{ purpose: 'claim', peopleCount: 1 }}
            scrollToFirstError
          >
            {kind === 'letter' ? <ScanLetter form={form} /> : null}
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              信访人
            </Typography.Title>
            {mayBeAnonymous ? (
              <Form.Item
                name="anonymous"
                valuePropName="checked"
                extra={anonymous ? ANONYMOUS_NOTE : undefined}
              >
                <Checkbox>{kind === 'phone' ? '匿名来电' : '匿名来信'}</Checkbox>
              </Form.Item>
            ) : null}
            {anonymous ? null : (
              <Row gutter={16}>
                <Col span={6}>
                  <Form.Item label="姓名" name="name" rules={[nameRule(true)]} validateTrigger="onBlur">
                    <Input maxLength={20} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    label="身份证号码"
                    name="idNumber"
                    rules={[idNumberRule(false)]}
                    validateTrigger="onBlur"
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    label="联系电话"
                    name="phone"
                    rules={[phoneRule(false)]}
                    validateTrigger="onBlur"
                  >
                    <Input maxLength={20} inputMode="tel" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="住址" name="address">
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
              </Row>
            )}
            {kind === 'visit' ? (
              <>
                <Row gutter={16}>
                  <Col span={6}>
                    <Form.Item label="来访人数" name="peopleCount" extra="5人及以上为集体访，最多推选5名代表">
                      <InputNumber min={1} max={100000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      label="权益保障卡号"
                      name="rightsCard"
                      extra="信访人出示权益保障卡时填写（选填）"
                      validateTrigger="onBlur"
                      rules={[{ pattern: RIGHTS_CARD_RE, message: '权益保障卡号应为6到30位字母、数字或“-”' }]}
                    >
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col span={12} style={{ paddingTop: 30 }}>
                    <CardCheckHint cardNo={rightsCard} />
                  </Col>
                </Row>
                <Form.List name="representatives">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, i) => (
                        <Row gutter={16} key={f.key} align="middle">
                          <Col span={6}>
                            <Form.Item
                              label={`代表${i + 1}姓名`}
                              name={[f.name, 'name']}
                              rules={[nameRule(true)]}
                            >
                              <Input maxLength={20} />
                            </Form.Item>
                          </Col>
                          <Col span={6}>
                            <Form.Item
                              label={`代表${i + 1}身份证号码`}
                              name={[f.name, 'idNumber']}
                              rules={[idNumberRule(false)]}
                            >
                              <Input maxLength={18} />
                            </Form.Item>
                          </Col>
                          <Col span={6}>
                            <Form.Item
                              label={`代表${i + 1}电话`}
                              name={[f.name, 'phone']}
                              rules={[phoneRule(false)]}
                            >
                              <Input maxLength={20} />
                            </Form.Item>
                          </Col>
                          <Col span={2}>
                            <Button
                              type="text"
                              aria-label={`删除代表${i + 1}`}
                              icon={<MinusCircleOutlined />}
                              onClick={() => remove(f.name)}
                            />
                          </Col>
                        </Row>
                      ))}
                      <Form.Item>
                        <Button
                          icon={<PlusOutlined />}
                          disabled={fields.length >= maxRepresentatives}
                          onClick={() => add()}
                        >
                          添加代表（最多{maxRepresentatives}名）
                        </Button>
                      </Form.Item>
                    </>
                  )}
                </Form.List>
              </>
            ) : null}
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              信访事项
            </Typography.Title>
            <Row gutter={16}>
              <Col span={8}>
                <Form.Item
                  label="问题属地"
                  name="place"
                  rules={[{ required: true, message: '请选择问题属地' }]}
                >
                  <PlaceCascader />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item label="信访目的" name="purpose">
                  <Select options={PURPOSES.map((p) => ({ value: p, label: PURPOSE_NAMES[p] }))} />
                </Form.Item>
              </Col>
              {kind === 'letter' ? (
                <Col span={4}>
                  <Form.Item label="收信日期" name="receivedAt">
                    <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
                  </Form.Item>
                </Col>
              ) : null}
              <Col span={kind === 'letter' ? 8 : 12}>
                <Form.Item
                  label="原信访件编号"
                  name="previousCaseNumber"
                  rules={[{ pattern: /^\d{16,19}$/, message: '信访件编号格式不正确' }]}
                >
                  <Input placeholder="重复信访时填写" maxLength={19} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="标题"
              name="subject"
              rules={[
                { required: true, message: '请填写标题' },
                { min: 2, message: '标题至少2个字' },
              ]}
            >
              <Input maxLength={100} showCount />
            </Form.Item>
            <Form.Item
              label="信访内容"
              name="content"
              rules={[
                { required: true, message: '请填写信访内容' },
                { min: 10, message: '请详细描述信访事项，至少10个字' },
              ]}
            >
              <Input.TextArea rows={6} maxLength={5000} showCount />
            </Form.Item>
            {accusation ? <AccusedFields /> : null}
            <PhotoPicker label="信件扫描件、照片（可选）" accept="image/*,application/pdf" />
            <RegisterAssist form={form} />
            <CategoryFields form={form} />
            <Form.Item label="事项标识" name="flags" extra="标记“重大紧急”的，登记后即向上一级信访部门上报">
              <Checkbox.Group options={CASE_FLAGS.map((f) => ({ value: f, label: FLAG_RULES[f].name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              登记
            </Button>
          </Form>
        </Card>
      )}
    </PageContainer>
  );
}
