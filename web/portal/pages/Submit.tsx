// 我要信访: the online petition form (purpose, category, place via a lazily loaded cascader of the
// jurisdiction tree, subject, content, optional group petition), the 须知 to read before submitting,
// then the case number and query code on screen.
import { DownOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Cascader,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  type UploadFile,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { CONTENT_CATEGORIES } from '../../../src/domain/categories.ts';
import { PURPOSE_NAMES, PURPOSES, type Purpose } from '../../../src/domain/lifecycle/vocabulary.ts';
import { api, errorMessage, type Jurisdiction, submissionKeys } from '../../shared/api.ts';
import { PhotoPicker, photoFiles } from '../../shared/attachments/PhotoPicker.tsx';
import { uploadAttachments } from '../../shared/attachments/upload.ts';
import { placeCode, useLimits } from '../../shared/limits.ts';
import { nameRule, normalisePhone, phoneRule } from '../../shared/validation.ts';
import { PetitionNotice } from '../Notice.tsx';
import { Loading } from '../session.tsx';
import { profileComplete, useProfile } from './Profile.tsx';
import { LinkedToOpenMatter, type Submitted, SubmittedView } from './Submitted.tsx';

export { LinkedToOpenMatter, type Submitted };

interface PlaceOption {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: PlaceOption[];
}

interface Values {
  purpose: Purpose;
  categoryCode?: string;
  place: string[];
  subject: string;
  content: string;
  isJoint: boolean;
  peopleCount?: number;
  representatives?: { name: string; phone?: string }[];
  agree: boolean;
  photos?: UploadFile[];
}

const toOption = (j: Jurisdiction): PlaceOption => ({
  value: j.code,
  label: j.name,
  isLeaf: j.childCount === 0,
});

async function children(parent?: string): Promise<PlaceOption[]> {
  const q = parent ? `?parent=${parent}` : '';
  const r = await api<{ items: Jurisdiction[] }>(`/api/v1/jurisdictions${q}`);
  return r.items.map(toOption);
}

export default function SubmitPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const profile = useProfile();
  const [form] = Form.useForm<Values>();
  // How many representatives the chosen place allows (an administrator may have changed it).
  const { maxRepresentatives } = useLimits(placeCode(Form.useWatch('place', form)));
  const [keyFor] = useState(submissionKeys);
  const [places, setPlaces] = useState<PlaceOption[]>([]);
  const [placeError, setPlaceError] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Submitted>();
  const isJoint = Form.useWatch('isJoint', form);
  const formCard = useRef<HTMLDivElement>(null);

  useEffect(() => {
    children()
      .then(setPlaces)
      .catch((e) => setPlaceError(errorMessage(e)));
  }, []);

  if (profile.isPending) return <Loading />;
  if (profile.isError) return <Alert type="error" showIcon message={errorMessage(profile.error)} />;
  if (!profileComplete(profile.data)) return <Navigate to="/profile?next=/submit" replace />;

  async function loadPlaces(selected: PlaceOption[]) {
    const target = selected[selected.length - 1];
    if (!target) return;
    try {
      target.children = await children(target.value);
      if (target.children.length === 0) target.isLeaf = true;
    } catch (e) {
      setPlaceError(errorMessage(e));
    }
    setPlaces((p) => [...p]);
  }

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const representatives = v.isJoint
        ? (v.representatives ?? [])
            .filter((r) => r?.name?.trim())
            .map((r) => ({
              name: r.name.trim(),
              ...(r.phone?.trim() ? { phone: normalisePhone(r.phone) } : {}),
            }))
        : undefined;
      const body = {
        form: 'online',
        purpose: v.purpose,
        categoryCode: v.categoryCode,
        jurisdictionCode: v.place[v.place.length - 1],
        subject: v.subject.trim(),
        content: v.content.trim(),
        ...(v.isJoint ? { isJoint: true, peopleCount: v.peopleCount, representatives } : {}),
      };
      const r = await api<Submitted>('/api/v1/cases', { body, idempotencyKey: keyFor(body) });
      const files = photoFiles(v.photos);
      const photos = files.length
        ? await uploadAttachments(r.caseId, files).then(
            (items) => ({ count: items.length }),
            (e) => ({ count: 0, error: errorMessage(e) }),
          )
        : undefined;
      setDone({ ...r, photos });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      window.scrollTo(0, 0);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (done?.linkedTo) return <LinkedToOpenMatter done={done} onAgain={() => setDone(undefined)} />;
  if (done) {
    return (
      <SubmittedView
        done={done}
        onAgain={() => {
          form.resetFields();
          setDone(undefined);
        }}
      />
    );
  }

  return (
    <>
      {/* The 须知 fills a phone's first screen: say at once that the form follows, with a way there. */}
      <Alert
        className="xf-card xf-form-cue"
        type="info"
        showIcon
        message={t('请先阅读信访须知，再在下方填写信访事项')}
        action={
          <Button
            size="small"
            type="primary"
            icon={<DownOutlined aria-hidden />}
            onClick={() => formCard.current?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
          >
            {t('去填写')}
          </Button>
        }
      />
      <Card
        className="xf-card"
        size="small"
        title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('信访须知')}</h2>}
      >
        <PetitionNotice />
      </Card>
      <Card
        ref={formCard}
        className="xf-card xf-form-card"
        title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('我要信访')}</h2>}
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ purpose: 'claim', isJoint: false, agree: false }}
          onFinish={submit}
          scrollToFirstError
        >
          <Form.Item label={t('信访目的')} name="purpose" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={PURPOSES.map((p) => ({ value: p, label: t(PURPOSE_NAMES[p]) }))}
            />
          </Form.Item>
          <Form.Item label={t('问题类别')} name="categoryCode" extra={t('不确定可不选，信访部门会帮您归类')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('请选择问题类别')}
              options={CONTENT_CATEGORIES.map((c) => ({
                value: c.code,
                label: t(c.name),
                title: c.description,
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('问题发生地')}
            name="place"
            rules={[{ required: true, message: t('请选择问题发生地（至少到县、市、区）') }]}
            extra={t('选择到县（市、区），知道的话可继续选择乡镇（街道）')}
            validateStatus={placeError ? 'error' : undefined}
            help={placeError}
          >
            <Cascader<PlaceOption>
              options={places}
              loadData={loadPlaces}
              changeOnSelect
              classNames={{ popup: { root: 'xf-place-popup' } }}
              placeholder={t('省 / 市 / 县（区） / 乡镇（街道）')}
            />
          </Form.Item>
          <Form.Item
            label={t('标题')}
            name="subject"
            rules={[
              { required: true, whitespace: true, message: t('请填写标题') },
              { min: 2, message: t('标题至少2个字') },
            ]}
          >
            <Input maxLength={100} showCount placeholder={t('一句话概括您反映的问题')} />
          </Form.Item>
          <Form.Item
            label={t('信访内容')}
            name="content"
            rules={[
              { required: true, whitespace: true, message: t('请填写信访内容') },
              { min: 10, message: t('请详细描述信访事项，至少10个字') },
            ]}
          >
            <Input.TextArea
              maxLength={5000}
              showCount
              autoSize={{ minRows: 6, maxRows: 16 }}
              placeholder={t('请写明时间、地点、涉及的单位或人员、事情经过和您的诉求')}
            />
          </Form.Item>
          <Form.Item label={t('多人联名信访')} name="isJoint" valuePropName="checked">
            <Switch />
          </Form.Item>
          {isJoint ? (
            <>
              <Form.Item
                label={t('涉及人数')}
                name="peopleCount"
                rules={[{ required: true, message: t('请填写涉及人数') }]}
              >
                <InputNumber min={2} max={100000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.List name="representatives">
                {(fields, { add, remove }) => (
                  <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
                    <legend style={{ fontSize: 14, marginBottom: 8 }}>
                      {t('代表（最多{{n}}人）', { n: maxRepresentatives })}
                    </legend>
                    {fields.map((field, i) => (
                      <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                        <Form.Item
                          name={[field.name, 'name']}
                          label={t('代表{{n}}姓名', { n: i + 1 })}
                          rules={[nameRule()]}
                        >
                          <Input maxLength={50} style={{ width: 140 }} />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'phone']}
                          label={t('代表{{n}}手机号码', { n: i + 1 })}
                          rules={[phoneRule(false)]}
                        >
                          <Input inputMode="numeric" maxLength={20} style={{ width: 150 }} />
                        </Form.Item>
                        <Button
                          type="text"
                          aria-label={t('删除代表{{n}}', { n: i + 1 })}
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: 30 }}
                        />
                      </Space>
                    ))}
                    {fields.length < maxRepresentatives ? (
                      <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} block>
                        {t('添加代表')}
                      </Button>
                    ) : null}
                  </fieldset>
                )}
              </Form.List>
            </>
          ) : null}
          <PhotoPicker />
          <Form.Item
            name="agree"
            valuePropName="checked"
            style={{ marginTop: 16 }}
            rules={[
              {
                validator: async (_r, v) => {
                  if (!v) throw new Error(t('请先阅读并确认信访须知'));
                },
              },
            ]}
          >
            <Checkbox>{t('我已阅读信访须知，所反映情况属实')}</Checkbox>
          </Form.Item>
          {error ? (
            <Alert role="alert" type="error" showIcon message={error} style={{ marginBottom: 12 }} />
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('提交')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
