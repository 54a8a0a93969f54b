// 我的消息: the caller's notifications, newest first (all or unread), each marked read when opened
// (it leads to the matter, the supervision order or the page of its kind: 预警, 日监测, 用户, 节假日);
// 全部已读; a link to the preferences.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../shared/api.ts';
import { formatDateTime } from '../../shared/format.ts';
import { COUNT_KEY, type InboxItem, KIND_COLORS } from './types.ts';

export default function InboxPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const q = useQuery({
    queryKey: ['inbox', 'list', filter],
    queryFn: () =>
      api<{ items: InboxItem[]; unread: number }>(
        `/api/v1/inbox${filter === 'unread' ? '?unread=true' : ''}`,
      ),
  });
  const items = Array.isArray(q.data?.items) ? q.data.items : [];
  const refresh = () => qc.invalidateQueries({ queryKey: ['inbox'] });
  const markRead = async (item: InboxItem) => {
    if (item.readAt) return;
    await api(`/api/v1/inbox/${item.id}/read`, { method: 'POST', body: {} });
    await refresh();
  };
  const open = async (item: InboxItem) => {
    try {
      await markRead(item);
    } catch (e) {
      message.error(errorMessage(e));
    }
    if (item.link) navigate(item.link);
  };
  return (
    <PageContainer
      title={<h1 className="xf-h1">我的消息</h1>}
      extra={
        <Space>
          <Link to="/inbox/preferences">消息设置</Link>
          <Button
            disabled={!q.data?.unread}
            onClick={async () => {
              try {
                const r = await api<{ marked: number }>('/api/v1/inbox/read-all', {
                  method: 'POST',
                  body: {},
                });
                message.success(`已将${r.marked}条消息标为已读`);
                await refresh();
                await qc.invalidateQueries({ queryKey: COUNT_KEY });
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}
          >
            全部已读
          </Button>
        </Space>
      }
    >
      <Segmented
        value={filter}
        onChange={(v) => setFilter(v as 'all' | 'unread')}
        options={[
          { value: 'all', label: '全部' },
          { value: 'unread', label: `未读${q.data?.unread ? `（${q.data.unread}）` : ''}` },
        ]}
        style={{ marginBottom: 16 }}
      />
      <List
        bordered
        loading={q.isPending}
        dataSource={items}
        locale={{ emptyText: q.isError ? errorMessage(q.error) : '暂无消息' }}
        renderItem={(item) => (
          <List.Item
            key={item.id}
            className={item.readAt ? 'xf-inbox-read' : 'xf-inbox-unread'}
            data-testid={`inbox-item-${item.id}`}
            actions={[
              item.link ? (
                <Button key="open" type="link" onClick={() => void open(item)}>
                  {item.caseId ? '查看事项' : item.supervisionId ? '查看督办' : '查看'}
                </Button>
              ) : null,
              item.readAt ? null : (
                <Button
                  key="read"
                  type="link"
                  onClick={async () => {
                    try {
                      await markRead(item);
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  标为已读
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={8}>
                  {item.readAt ? null : <Badge status="processing" aria-label="未读" />}
                  <Tag color={KIND_COLORS[item.kind]}>{item.kindLabel}</Tag>
                  <Typography.Text strong={!item.readAt}>{item.title}</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  <span>{item.body}</span>
                  <Typography.Text type="secondary">{formatDateTime(item.createdAt)}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </PageContainer>
  );
}
