// 被反映人/被反映单位 on the registration form of an accusation (检举控告, purpose 揭发控告): the
// accused unit chosen here never sees the matter and can never be assigned or forwarded it.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Input, Row, Typography } from 'antd';
import { MAX_ACCUSED } from '../../../src/domain/accusations.ts';
import { nameRule } from '../../shared/validation.ts';
import { UnitPicker } from '../widgets.tsx';

export interface AccusedValue {
  personName?: string;
  position?: string;
  unitId?: number;
  unitName?: string;
}

/** The accused as the API takes them: empty rows dropped, text trimmed. */
export function accusedPayload(rows: AccusedValue[] | undefined) {
  return (rows ?? [])
    .map((a) => ({
      ...(a.personName?.trim() ? { personName: a.personName.trim() } : {}),
      ...(a.position?.trim() ? { position: a.position.trim() } : {}),
      ...(a.unitId ? { unitId: a.unitId } : {}),
      ...(!a.unitId && a.unitName?.trim() ? { unitName: a.unitName.trim() } : {}),
    }))
    .filter((a) => Object.keys(a).length > 0);
}

export function AccusedFields() {
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        被反映人
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="被反映单位看不到该事项，也不能被交办、转送该事项（回避）。可转送纪委监委等机关。"
      />
      <Form.List name="accused" initialValue={[{}]}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row gutter={16} key={f.key} align="top">
                <Col span={4}>
                  <Form.Item
                    label={`被反映人${i + 1}`}
                    name={[f.name, 'personName']}
                    rules={[nameRule(false)]}
                  >
                    <Input maxLength={20} placeholder="姓名" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="职务" name={[f.name, 'position']}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="被反映单位（平台内）" name={[f.name, 'unitId']}>
                    <UnitPicker />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="或单位名称（平台外）" name={[f.name, 'unitName']}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Button
                    type="text"
                    aria-label={`删除被反映人${i + 1}`}
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Form.Item>
              <Button icon={<PlusOutlined />} disabled={fields.length >= MAX_ACCUSED} onClick={() => add({})}>
                添加被反映人
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
