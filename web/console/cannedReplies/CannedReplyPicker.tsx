// 插入常用语: under a reply's or a note's text field in the case's action form, the unit's canned
// texts for that purpose and the case's category; choosing one asks the server to fill its
// placeholders from the case and appends the text to the field. Nothing for other fields.
import { useQuery } from '@tanstack/react-query';
import { App, Form, Select } from 'antd';
import { purposeFor } from '../../../src/domain/cannedReplies/placeholders.ts';
import { api, errorMessage } from '../../shared/api.ts';
import type { CannedReply } from './types.ts';

export function CannedReplyPicker(props: { caseId: number; action: string | undefined; field: string }) {
  const purpose = props.action ? purposeFor(props.action, props.field) : null;
  if (!purpose) return null;
  return <Picker caseId={props.caseId} purpose={purpose} field={props.field} />;
}

function Picker({ caseId, purpose, field }: { caseId: number; purpose: string; field: string }) {
  const { message } = App.useApp();
  const form = Form.useFormInstance();
  const q = useQuery({
    queryKey: ['canned-replies', purpose, caseId],
    queryFn: () =>
      api<{ items: CannedReply[] }>(`/api/v1/canned-replies?purpose=${purpose}&caseId=${caseId}`),
    retry: false,
  });
  const items = Array.isArray(q.data?.items) ? q.data.items : [];
  if (items.length === 0) return null;
  return (
    <Select
      size="small"
      aria-label={`插入常用语（${field}）`}
      className="xf-canned-picker"
      placeholder="插入常用语"
      value={null}
      style={{ minWidth: 200, marginTop: 4 }}
      options={items.map((i) => ({ value: i.id, label: i.title }))}
      onChange={async (id: number) => {
        try {
          const r = await api<{ text: string }>(`/api/v1/canned-replies/${id}/render`, { body: { caseId } });
          const before = form.getFieldValue(field);
          const text = typeof before === 'string' && before.trim() ? `${before}\n${r.text}` : r.text;
          form.setFieldValue(field, text);
          await form.validateFields([field]).catch(() => undefined);
        } catch (e) {
          message.error(errorMessage(e));
        }
      }}
    />
  );
}
