// Several units, each picked by place then unit (会办单位): value is the list of unit ids.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { UnitPicker } from '../widgets.tsx';

export function UnitsPicker(props: { value?: number[]; onChange?: (v: number[]) => void; id?: string }) {
  // Rows the user added, some not chosen yet; the value holds the chosen ones.
  const [rows, setRows] = useState<(number | undefined)[]>(() =>
    props.value?.length ? props.value : [undefined],
  );
  const set = (next: (number | undefined)[]) => {
    setRows(next);
    props.onChange?.(next.filter((v): v is number => v !== undefined));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} id={props.id}>
      {rows.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before a unit is chosen
        <Space key={i} align="start" style={{ width: '100%' }}>
          <div style={{ width: 480 }}>
            <UnitPicker value={v} onChange={(u) => set(rows.map((x, j) => (j === i ? u : x)))} />
          </div>
          <Button
            type="text"
            aria-label={`删除会办单位${i + 1}`}
            icon={<MinusCircleOutlined />}
            onClick={() => set(rows.filter((_, j) => j !== i))}
          />
        </Space>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => setRows([...rows, undefined])}>
        添加会办单位
      </Button>
    </Space>
  );
}
