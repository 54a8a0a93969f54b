// The petitioner's own actions (评价, 申请复查, 申请复核) as forms: on a matter's page in the portal and
// on the public query page (with the case number and query code). The server says which apply now.
import { Alert, App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_NAMES, RATINGS } from '../../../src/domain/lifecycle/vocabulary.ts';
import { errorMessage } from '../../shared/api.ts';

/** What the petitioner may do here; everything else belongs to the staff console. */
export const CITIZEN_ACTIONS = ['rate', 'request_review', 'request_rereview'] as const;
export type CitizenAction = (typeof CITIZEN_ACTIONS)[number];
/** antd renders a plain div for Radio.Group (and passes `role` through, though its types lack it). */
const RADIOGROUP = { role: 'radiogroup' } as object;
export const isCitizenAction = (a: string): a is CitizenAction =>
  (CITIZEN_ACTIONS as readonly string[]).includes(a);

/**
 * The form of one petitioner action; `send` posts it (as the logged-in petitioner, or with the
 * case number and query code on the public query page) and updates what the page shows.
 */
export function PetitionerActionModal({
  action,
  label,
  send,
  onClose,
}: {
  action: CitizenAction;
  label: string;
  send: (body: Record<string, unknown>) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function submit(values: Record<string, unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await send({ action, ...values });
      message.success(t('{{label}}已提交', { label }));
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const ratingOptions = RATINGS.map((r) => ({ value: r, label: t(RATING_NAMES[r]) }));
  return (
    <Modal
      open
      title={label}
      okText={t('提交')}
      cancelText={t('取消')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        {action === 'rate' ? (
          <>
            <Form.Item
              label={t('对信访部门的评价')}
              name="bureauRating"
              rules={[{ required: true, message: t('请评价信访部门') }]}
            >
              <Radio.Group
                options={ratingOptions}
                optionType="button"
                {...RADIOGROUP}
                aria-label={t('对信访部门的评价')}
              />
            </Form.Item>
            <Form.Item
              label={t('对责任单位的评价')}
              name="unitRating"
              rules={[{ required: true, message: t('请评价责任单位') }]}
            >
              <Radio.Group
                options={ratingOptions}
                optionType="button"
                {...RADIOGROUP}
                aria-label={t('对责任单位的评价')}
              />
            </Form.Item>
            <Form.Item label={t('意见（选填）')} name="comment">
              <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            label={action === 'request_review' ? t('申请复查的理由') : t('申请复核的理由')}
            name="reason"
            rules={[{ required: true, whitespace: true, message: t('请填写理由') }]}
            extra={
              action === 'request_review'
                ? t('复查由上一级信访部门办理，应在收到处理意见书之日起30日内申请。')
                : t('复核由复查机关的上一级办理，应在收到复查意见书之日起30日内申请。')
            }
          >
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
          </Form.Item>
        )}
        {error ? <Alert role="alert" type="error" showIcon message={error} /> : null}
      </Form>
    </Modal>
  );
}
