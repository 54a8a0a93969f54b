// Photos to go with a petition, chosen before it is sent (from the phone's camera or gallery:
// accept="image/*", several at once), shown as thumbnails; uploaded once the matter exists.
import { PlusOutlined } from '@ant-design/icons';
import { Form, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { addEnglish } from '../i18n.ts';
import { MAX_IMAGE_BYTES, MAX_PHOTOS } from './upload.ts';

addEnglish({
  '照片（可选）': 'Photos (optional)',
  '可拍照或从相册选择，最多 {{n}} 张，每张不超过 10 MB': 'Take or choose up to {{n}} photos, 10 MB each',
  添加照片: 'Add photo',
  '照片“{{name}}”超过 10 MB，未添加': 'Photo “{{name}}” is larger than 10 MB and was not added',
});

export const photoFiles = (list: UploadFile[] | undefined): File[] =>
  (list ?? []).map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => f !== undefined);

/** A Form.Item named `name` holding UploadFile[]; nothing is sent until the form is. */
export function PhotoPicker(props: { name?: string; label?: string; accept?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={props.label ?? t('照片（可选）')}
      name={props.name ?? 'photos'}
      valuePropName="fileList"
      getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(0, MAX_PHOTOS)}
      extra={t('可拍照或从相册选择，最多 {{n}} 张，每张不超过 10 MB', { n: MAX_PHOTOS })}
      rules={[
        {
          validator: async (_r, list: UploadFile[] | undefined) => {
            const big = (list ?? []).find(
              (f) => f.type?.startsWith('image/') && (f.size ?? 0) > MAX_IMAGE_BYTES,
            );
            if (big) throw new Error(t('照片“{{name}}”超过 10 MB，未添加', { name: big.name }));
          },
        },
      ]}
    >
      <Upload
        accept={props.accept ?? 'image/*'}
        multiple
        listType="picture-card"
        beforeUpload={() => false}
        maxCount={MAX_PHOTOS}
        data-testid="photo-picker"
      >
        <button type="button" style={{ border: 0, background: 'none' }} aria-label={t('添加照片')}>
          <PlusOutlined />
          <div style={{ marginTop: 4 }}>{t('添加照片')}</div>
        </button>
      </Upload>
    </Form.Item>
  );
}
