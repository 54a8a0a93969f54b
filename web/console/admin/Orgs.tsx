// 行政区划与单位: the jurisdiction tree, loaded level by level, and the chosen place's units.
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Row, Table, Tree, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { JurisdictionDetail } from '../../../src/orgs/contract.ts';
import { api, errorMessage, type Jurisdiction } from '../../shared/api.ts';

interface Node {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
}

const load = async (parent?: string): Promise<Node[]> =>
  (
    await api<{ items: Jurisdiction[] }>(`/api/v1/jurisdictions${parent ? `?parent=${parent}` : ''}`)
  ).items.map((j) => ({
    key: j.code,
    title: `${j.name}（${j.code}）`,
    isLeaf: j.childCount === 0,
  }));

function attach(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) =>
    n.key === key
      ? { ...n, children }
      : n.children
        ? { ...n, children: attach(n.children, key, children) }
        : n,
  );
}

const KIND_NAMES: Record<string, string> = { bureau: '信访部门', department: '职能部门' };

export default function OrgsPage() {
  const [tree, setTree] = useState<Node[]>([]);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    load()
      .then(setTree)
      .catch((e) => setError(errorMessage(e)));
  }, []);
  const detail = useQuery({
    queryKey: ['jurisdiction', selected],
    enabled: !!selected,
    queryFn: () => api<JurisdictionDetail>(`/api/v1/jurisdictions/${selected}`),
  });
  return (
    <PageContainer title={<h1 className="xf-h1">行政区划与单位</h1>}>
      <Row gutter={16}>
        <Col span={9}>
          <Card title={<h2 className="xf-h2">行政区划</h2>}>
            {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
            <Tree
              treeData={tree}
              height={560}
              loadData={async (n) => {
                const kids = await load(String(n.key));
                setTree((t) => attach(t, String(n.key), kids));
              }}
              onSelect={(keys) => setSelected(keys[0] ? String(keys[0]) : undefined)}
            />
          </Card>
        </Col>
        <Col span={15}>
          <Card title={<h2 className="xf-h2">{detail.data?.fullName ?? '单位'}</h2>}>
            {!selected ? <Typography.Text type="secondary">请在左侧选择行政区划</Typography.Text> : null}
            {detail.data ? (
              <>
                <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
                  <Descriptions.Item label="代码">{detail.data.code}</Descriptions.Item>
                  <Descriptions.Item label="级别">
                    {['', '省', '市', '县（区）', '乡镇（街道）'][detail.data.level]}
                  </Descriptions.Item>
                  <Descriptions.Item label="下级数">{detail.data.childCount}</Descriptions.Item>
                </Descriptions>
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={detail.data.units}
                  columns={[
                    { title: '编号', dataIndex: 'id', width: 80 },
                    { title: '单位名称', dataIndex: 'name' },
                    { title: '简称', dataIndex: 'shortName' },
                    { title: '类型', dataIndex: 'kind', render: (k: string) => KIND_NAMES[k] ?? k },
                  ]}
                />
              </>
            ) : null}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
