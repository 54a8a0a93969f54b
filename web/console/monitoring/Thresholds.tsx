// 日监测阈值 of the administrator's jurisdiction (GET/PUT /api/v1/monitoring/thresholds/:code): one
// number per threshold of the source table, within its range; lower jurisdictions inherit it.
import { ModalForm, ProFormDigit } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ThresholdsAnswer } from '../../../src/monitoring/contract.ts';
import { api, errorMessage } from '../../shared/api.ts';

export function ThresholdsButton({ code, onSaved }: { code: string; onSaved: () => unknown }) {
  const { message } = App.useApp();
  const t = useQuery({
    queryKey: ['monitoring-thresholds', code],
    queryFn: () => api<ThresholdsAnswer>(`/api/v1/monitoring/thresholds/${code}`),
  });
  if (!t.data) return null;
  return (
    <ModalForm<Record<string, number>>
      title="日监测阈值（本辖区及下级适用，下级可另行设置）"
      width={520}
      trigger={<Button>阈值设置</Button>}
      initialValues={t.data.values}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async (v) => {
        try {
          await api(`/api/v1/monitoring/thresholds/${code}`, { method: 'PUT', body: v });
          message.success('阈值已保存');
          await t.refetch();
          await onSaved();
          return true;
        } catch (e) {
          message.error(errorMessage(e));
          return false;
        }
      }}
    >
      {t.data.definitions.map((d) => (
        <ProFormDigit
          key={d.key}
          name={d.key}
          label={`${d.source}：${d.label}（${d.unit}）`}
          min={d.min}
          max={d.max}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: `请填写${d.label}` }]}
        />
      ))}
    </ModalForm>
  );
}
