// 信访工作责任书: the year's letters the caller's level issued to the level below (and its own), who
// still lacks one or has not signed; supervisors and leaders draft a letter and record its signing.
import {
  ModalForm,
  ProFormDatePicker,
  ProFormSelect,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../shared/api.ts';
import { downloadFile } from '../download.ts';
import { useStaff } from '../session.tsx';
import type { Letter, LettersAnswer } from './types.ts';

export default function LettersTab() {
  const me = useStaff();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useQuery({
    queryKey: ['assessment', 'letters', year],
    queryFn: () => api<LettersAnswer>(`/api/v1/assessment/letters?year=${year}`),
  });
  const mine = me.jurisdiction?.code ?? '';
  const canDraft = me.abilities.assessmentLetters;
  const refresh = () => qc.invalidateQueries({ queryKey: ['assessment', 'letters'] });
  const act = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await refresh();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  };
  const d = q.data;
  const signedCount = d?.items.filter((l) => l.issuerCode === mine && l.status === 'signed').length ?? 0;
  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>年度</span>
        <InputNumber aria-label="年度" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {canDraft && d && d.missing.length > 0 ? (
          <ModalForm<{ jurisdictionCode: string; body: string; targets?: string }>
            title="起草责任书"
            width={640}
            layout="vertical"
            modalProps={{ destroyOnHidden: true }}
            trigger={<Button type="primary">起草责任书</Button>}
            initialValues={{
              body: `为贯彻落实《信访工作条例》，压实信访工作责任，经研究签订${year}年度信访工作责任书。责任方党政主要领导为第一责任人，对本地区信访工作负总责。`,
              targets:
                '及时受理率达到95%以上\n按期办结率达到90%以上\n群众满意率达到90%以上\n积案化解率达到80%以上',
            }}
            onFinish={(v) =>
              act(
                () =>
                  api('/api/v1/assessment/letters', {
                    body: {
                      year,
                      jurisdictionCode: v.jurisdictionCode,
                      body: v.body,
                      targets: (v.targets ?? '')
                        .split('\n')
                        .map((t) => t.trim())
                        .filter(Boolean)
                        .map((text) => ({ text })),
                    },
                  }),
                '已起草',
              )
            }
          >
            <ProFormSelect
              name="jurisdictionCode"
              label="责任方"
              rules={[{ required: true, message: '请选择责任方' }]}
              options={d.missing.map((m) => ({ value: m.code, label: m.name }))}
              fieldProps={{ showSearch: true, optionFilterProp: 'label' }}
            />
            <ProFormTextArea
              name="body"
              label="责任内容"
              fieldProps={{ rows: 4 }}
              rules={[{ required: true }]}
            />
            <ProFormTextArea name="targets" label="目标任务（每行一项）" fieldProps={{ rows: 4 }} />
          </ModalForm>
        ) : null}
      </Space>
      {q.isError ? <Typography.Paragraph type="danger">{errorMessage(q.error)}</Typography.Paragraph> : null}
      {d ? (
        <Alert
          style={{ marginBottom: 12 }}
          type={d.missing.length || d.unsigned.length ? 'warning' : 'success'}
          message={`下级${d.children}个，已签订${signedCount}个；未起草${d.missing.length}个，已起草未签订${d.unsigned.length}个。`}
          description={
            d.missing.length ? `尚无责任书：${d.missing.map((m) => m.name).join('、')}` : undefined
          }
        />
      ) : null}
      <Table<Letter>
        rowKey="id"
        loading={q.isPending}
        dataSource={d?.items ?? []}
        pagination={false}
        expandable={{
          expandedRowRender: (l) => (
            <div>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.body}</Typography.Paragraph>
              <ol>
                {l.targets.map((t) => (
                  <li key={t.text}>{t.text}</li>
                ))}
              </ol>
            </div>
          ),
        }}
        columns={[
          { title: '责任书', dataIndex: 'title' },
          { title: '责任方', dataIndex: 'jurisdictionName', width: 120 },
          {
            title: '状态',
            dataIndex: 'statusName',
            width: 100,
            render: (v, l) => <Tag color={l.status === 'signed' ? 'green' : 'gold'}>{v}</Tag>,
          },
          {
            title: '签订人',
            key: 'sig',
            render: (_, l) => l.signatories.map((s) => `${s.post} ${s.name}`).join('；') || '—',
          },
          { title: '签订日期', dataIndex: 'signedOn', width: 110, render: (v) => v ?? '—' },
          {
            title: '操作',
            key: 'op',
            width: 200,
            render: (_, l) => (
              <Space>
                <Button
                  size="small"
                  onClick={() =>
                    downloadFile(`/api/v1/assessment/letters/${l.id}/letter.docx`, 'letter.docx').catch((e) =>
                      message.error(errorMessage(e)),
                    )
                  }
                >
                  Word
                </Button>
                {canDraft && l.status === 'drafted' && l.issuerCode === mine ? (
                  <ModalForm<{
                    signedOn: string;
                    issuerName: string;
                    issuerPost: string;
                    name: string;
                    post: string;
                  }>
                    title={`登记签订：${l.title}`}
                    width={560}
                    layout="vertical"
                    modalProps={{ destroyOnHidden: true }}
                    trigger={
                      <Button size="small" type="primary">
                        登记签订
                      </Button>
                    }
                    onFinish={(v) =>
                      act(
                        () =>
                          api(`/api/v1/assessment/letters/${l.id}/sign`, {
                            body: {
                              signedOn: v.signedOn,
                              signatories: [
                                { side: 'issuer', name: v.issuerName, post: v.issuerPost },
                                { side: 'undertaker', name: v.name, post: v.post },
                              ],
                            },
                          }),
                        '已登记签订',
                      )
                    }
                  >
                    <ProFormDatePicker name="signedOn" label="签订日期" rules={[{ required: true }]} />
                    <ProFormText name="issuerName" label="发放方签订人" rules={[{ required: true }]} />
                    <ProFormText name="issuerPost" label="发放方职务" rules={[{ required: true }]} />
                    <ProFormText
                      name="name"
                      label={`责任方（${l.jurisdictionName}）签订人`}
                      rules={[{ required: true }]}
                    />
                    <ProFormText name="post" label="责任方职务" rules={[{ required: true }]} />
                  </ModalForm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
