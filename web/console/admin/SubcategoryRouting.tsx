// 分类 › 承办部门, per 细分类: a category's second and third levels in use, each following its category
// (随类别) or sent to a department of its own — 城乡建设 / 物业管理 → 市场监管局 while the rest of 城乡建设
// goes to 住建局. A third level follows its second unless set itself (src/classify/routing.ts).
import { Select, Table, Typography } from 'antd';
import { subcategoryChoices } from '../../../src/domain/admin/categories.ts';
import { useCategoryDictionary } from '../categoryDictionary.ts';

/** '' in the draft: an override in force to be taken back (the server stores it as such). */
const FOLLOW = '';

export function SubcategoryRouting(props: {
  categoryCode: string;
  categoryName: string;
  /** The table in force (saved), and the draft being edited. */
  routing: Record<string, string>;
  draft: Record<string, string>;
  onChange: (draft: Record<string, string>) => void;
  departments: { key: string; name: string }[];
  /** The category's department as edited: what a 细分类 without its own follows. */
  categoryDepartment: string;
}) {
  const { routing, draft, onChange } = props;
  const dictionary = useCategoryDictionary();
  const entries = dictionary.data?.entries ?? [];
  const rows = subcategoryChoices(entries, props.categoryCode);
  if (!dictionary.isFetching && rows.length === 0)
    return <Typography.Text type="secondary">本类别尚无二、三级分类。</Typography.Text>;
  const departmentOf = (code: string) => draft[code] ?? routing[code] ?? FOLLOW;
  const nameOf = (key: string) => props.departments.find((d) => d.key === key)?.name ?? key;
  // What 随… means for a row: its second level's own department, else the category's.
  const followed = (code: string): { whose: string; key: string } => {
    const parent = `${code.slice(0, 4)}00`;
    if (parent !== code) {
      const own = departmentOf(parent);
      const name = rows.find((r) => r.code === parent)?.label ?? '上一级';
      return { whose: name, key: own || props.categoryDepartment };
    }
    return { whose: '类别', key: props.categoryDepartment };
  };
  const choose = (code: string, key: string) => {
    const next = { ...draft };
    // Back to 随类别: nothing to send unless an override is in force now.
    if (key === FOLLOW && routing[code] === undefined) delete next[code];
    else next[code] = key;
    onChange(next);
  };
  return (
    <Table
      size="small"
      rowKey="code"
      pagination={false}
      loading={dictionary.isFetching}
      dataSource={rows}
      aria-label={`${props.categoryName}细分类承办部门`}
      columns={[
        { title: '细分类代码', dataIndex: 'code', width: 110 },
        { title: '细分类', dataIndex: 'label', width: 260 },
        {
          title: '承办部门',
          render: (_, r) => (
            <Select
              aria-label={`${r.label}承办部门`}
              style={{ width: 240 }}
              value={departmentOf(r.code)}
              onChange={(key: string) => choose(r.code, key)}
              options={[
                { value: FOLLOW, label: `随${followed(r.code).whose}（${nameOf(followed(r.code).key)}）` },
                ...props.departments.map((d) => ({ value: d.key, label: d.name })),
              ]}
            />
          ),
        },
      ]}
    />
  );
}
