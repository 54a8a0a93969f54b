// 扫描来信 on the letter registration form: the registrar uploads a scan or photo of the letter
// (POST /api/v1/ocr/letters), and the fields it suggests fill the form's EMPTY fields, each marked
// as an OCR suggestion to check against the letter; what the registrar typed is never overwritten
// (a differing suggestion is offered with 采用识别结果), and 撤销填入 puts the form back. Nothing is stored.
import { ScanOutlined } from '@ant-design/icons';
import { Alert, Button, type FormInstance, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { OcrFields, OcrResult } from '../../../src/ocr/contract.ts';
import { ApiError, csrfToken, errorMessage } from '../../shared/api.ts';

type Suggestions = OcrFields;
type Field = keyof Suggestions;

const LABELS: Record<Field, string> = {
  name: '姓名',
  phone: '联系电话',
  address: '住址',
  subject: '标题',
  content: '信访内容',
};
const ORDER: Field[] = ['name', 'phone', 'address', 'subject', 'content'];
const MARK = '识别建议，请对照原信核对';
const ACCEPT = 'image/png,image/jpeg';

async function recognise(file: File): Promise<Pick<OcrResult, 'text' | 'fields'>> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch('/api/v1/ocr/letters', {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, '网络连接失败，请检查网络后重试');
  }
  const data = (await res.json().catch(() => null)) as
    | (OcrResult & { error?: { message?: string; code?: string } })
    | null;
  if (!res.ok)
    throw new ApiError(res.status, data?.error?.message ?? `识别失败（${res.status}）`, data?.error?.code);
  return { text: String(data?.text ?? ''), fields: data?.fields ?? {} };
}

export function ScanLetter({ form }: { form: FormInstance }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [result, setResult] = useState<{
    filled: Field[];
    offered: Suggestions;
    text: string;
    before: Suggestions;
  }>();

  const mark = (fields: Field[]) =>
    form.setFields(fields.map((f) => ({ name: f, warnings: [MARK], errors: [] })));

  async function scan(file: File) {
    setBusy(true);
    setError(undefined);
    try {
      const r = await recognise(file);
      const filled: Field[] = [];
      const offered: Suggestions = {};
      const before: Suggestions = {};
      for (const f of ORDER) {
        const value = r.fields[f];
        if (!value) continue;
        const current = String(form.getFieldValue(f) ?? '').trim();
        if (current === '') {
          before[f] = '';
          form.setFieldValue(f, value);
          filled.push(f);
        } else if (current !== value) offered[f] = value;
      }
      mark(filled);
      setResult({ filled, offered, text: r.text, before });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function adopt(f: Field) {
    if (!result) return;
    const value = result.offered[f];
    if (value === undefined) return;
    const { [f]: _, ...offered } = result.offered;
    setResult({
      ...result,
      offered,
      filled: [...result.filled, f],
      before: { ...result.before, [f]: form.getFieldValue(f) },
    });
    form.setFieldValue(f, value);
    mark([f]);
  }

  function undo() {
    if (!result) return;
    form.setFields(
      ORDER.filter((f) => f in result.before).map((f) => ({
        name: f,
        value: result.before[f],
        warnings: [],
      })),
    );
    setResult(undefined);
  }

  return (
    <div style={{ marginBottom: 16 }} data-testid="scan-letter">
      <Space align="center" wrap>
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void scan(file);
            return false; // read here, never uploaded by antd
          }}
        >
          <Button icon={<ScanOutlined />} loading={busy}>
            扫描来信
          </Button>
        </Upload>
        <Typography.Text type="secondary">
          上传信件扫描件或照片（PNG、JPEG），识别出的内容只填入空白栏目，须逐项核对；图片不保存
        </Typography.Text>
      </Space>
      {error ? <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} /> : null}
      {result ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          message={
            result.filled.length
              ? `已根据扫描件填入：${result.filled.map((f) => LABELS[f]).join('、')}。识别结果可能有误，请对照原信逐项核对后再登记。`
              : '扫描件中未识别出可填入的栏目，请手工填写。'
          }
          description={
            <>
              {Object.entries(result.offered).map(([f, v]) => (
                <div key={f}>
                  {LABELS[f as Field]}的识别结果与已填内容不同：
                  <Typography.Text code>{v.slice(0, 60)}</Typography.Text>{' '}
                  <Button size="small" onClick={() => adopt(f as Field)}>
                    采用识别结果
                  </Button>
                </div>
              ))}
              <details>
                <summary>识别全文</summary>
                <pre style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', margin: 0 }}>
                  {result.text}
                </pre>
              </details>
            </>
          }
          action={
            result.filled.length ? (
              <Button size="small" onClick={undo}>
                撤销填入
              </Button>
            ) : undefined
          }
        />
      ) : null}
    </div>
  );
}
