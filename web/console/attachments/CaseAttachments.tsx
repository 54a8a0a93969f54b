// On a case's page: its attachments (photos as thumbnails that open full size, PDFs and recordings
// as links) and the upload for staff, with what the files are for (信访材料, 证据材料, 送达回证, 会议纪要).
// The server decides who sees what (src/policies/attachments.ts); an error or odd answer shows nothing.
import { AudioOutlined, FileOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Image, List, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ATTACHMENT_PURPOSES, PURPOSE_NAMES } from '../../../src/domain/attachments/kinds.ts';
import { errorMessage } from '../../shared/api.ts';
import { type AttachmentItem, sizeText, uploadAttachments } from '../../shared/attachments/upload.ts';
import { formatDateTime } from '../../shared/format.ts';

const ACCEPT = 'image/*,application/pdf,audio/*';
const iconOf = (kind: string) =>
  kind === 'pdf' ? <FilePdfOutlined /> : kind === 'audio' ? <AudioOutlined /> : <FileOutlined />;

export function CaseAttachments(props: { caseId: number }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [purpose, setPurpose] = useState<string>('evidence');
  const [busy, setBusy] = useState(false);
  const key = ['attachments', props.caseId];
  const q = useQuery({
    queryKey: key,
    queryFn: async () => {
      const res = await fetch(`/api/v1/cases/${props.caseId}/attachments`, { credentials: 'same-origin' });
      if (!res.ok) return null;
      return (await res.json()) as { items?: unknown };
    },
    retry: false,
  });
  const items = Array.isArray(q.data?.items) ? (q.data.items as AttachmentItem[]) : null;
  if (!items) return null;
  const images = items.filter((i) => i.thumbnailUrl);
  const others = items.filter((i) => !i.thumbnailUrl);

  async function send(files: File[]) {
    setBusy(true);
    try {
      const added = await uploadAttachments(props.caseId, files, { purpose });
      message.success(`已上传 ${added.length} 个附件`);
      await qc.invalidateQueries({ queryKey: key });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      size="small"
      title={`附件（${items.length}）`}
      style={{ marginBottom: 16 }}
      data-testid="case-attachments"
      extra={
        <Space size="small">
          <Select
            size="small"
            value={purpose}
            onChange={setPurpose}
            style={{ width: 104 }}
            aria-label="附件用途"
            options={ATTACHMENT_PURPOSES.map((p) => ({ value: p, label: PURPOSE_NAMES[p] }))}
          />
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file, batch) => {
              if (file === batch[batch.length - 1]) void send(batch as File[]);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              上传附件
            </Button>
          </Upload>
        </Space>
      }
    >
      {items.length === 0 ? <Typography.Text type="secondary">暂无附件</Typography.Text> : null}
      {images.length ? (
        <Image.PreviewGroup>
          <Space wrap size={8} style={{ marginBottom: others.length ? 8 : 0 }}>
            {images.map((i) => (
              <figure key={i.id} style={{ margin: 0, width: 96 }} title={`${i.name}（${i.purposeName}）`}>
                <Image
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                  src={i.thumbnailUrl ?? undefined}
                  preview={{ src: i.url }}
                  alt={i.name}
                />
                <figcaption
                  className="xf-muted"
                  style={{ fontSize: 12, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}
                >
                  {i.purposeName}
                </figcaption>
              </figure>
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      {others.length ? (
        <List
          size="small"
          dataSource={others}
          renderItem={(i) => (
            <List.Item>
              <Space>
                {iconOf(i.kind)}
                <a href={`${i.url}?download=1`}>{i.name}</a>
                <Typography.Text type="secondary">
                  {i.purposeName} · {sizeText(i.size)} · {formatDateTime(i.createdAt)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
