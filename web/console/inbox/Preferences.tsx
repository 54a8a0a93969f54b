// 消息设置: per kind of notification (src/domain/inbox/kinds.ts, from the server), whether it shows
// in the console's inbox and whether it is also sent by SMS (only where the kind allows it, and
// only to a user with a mobile number on file).
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import type { PreferenceRow, Preferences } from './types.ts';

export default function InboxPreferencesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['inbox', 'preferences'],
    queryFn: () => api<Preferences>('/api/v1/inbox/preferences'),
  });
  const [rows, setRows] = useState<PreferenceRow[]>([]);
  useEffect(() => {
    if (Array.isArray(q.data?.kinds)) setRows(q.data.kinds);
  }, [q.data]);
  const set = (kind: string, patch: Partial<PreferenceRow>) =>
    setRows((rs) => rs.map((r) => (r.kind === kind ? { ...r, ...patch } : r)));
  return (
    <PageContainer title={<h1 className="xf-h1">消息设置</h1>}>
      {q.data && !q.data.hasPhone ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="您的账号未登记手机号码，短信提醒不会发送。请联系管理员登记。"
        />
      ) : null}
      <Table<PreferenceRow>
        rowKey="kind"
        pagination={false}
        loading={q.isPending}
        dataSource={rows}
        columns={[
          { title: '消息', dataIndex: 'label', width: 120 },
          { title: '何时提醒', dataIndex: 'trigger' },
          { title: '谁会收到', dataIndex: 'recipients' },
          {
            title: '工作台提示',
            width: 110,
            render: (_, r) => (
              <Switch
                aria-label={`${r.label}工作台提示`}
                checked={r.inApp}
                onChange={(v) => set(r.kind, { inApp: v })}
              />
            ),
          },
          {
            title: '短信',
            width: 110,
            render: (_, r) =>
              r.smsAllowed ? (
                <Switch
                  aria-label={`${r.label}短信`}
                  checked={r.sms}
                  onChange={(v) => set(r.kind, { sms: v })}
                />
              ) : (
                <Typography.Text type="secondary">不发短信</Typography.Text>
              ),
          },
        ]}
      />
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        onClick={async () => {
          try {
            const body = { preferences: rows.map(({ kind, inApp, sms }) => ({ kind, inApp, sms })) };
            const r = await api<Preferences>('/api/v1/inbox/preferences', { method: 'PUT', body });
            qc.setQueryData(['inbox', 'preferences'], r);
            message.success('消息设置已保存');
          } catch (e) {
            message.error(errorMessage(e));
          }
        }}
      >
        保存设置
      </Button>
    </PageContainer>
  );
}
