// The case list's table, shared by the workbench queues and 案件查询: the row type, the flag tags,
// the count text, the columns, and sort/paging written back to the URL.
import type { ProColumns } from '@ant-design/pro-components';
import { Space, type TablePaginationConfig, Tag } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { Link } from 'react-router';
import type { CaseListAnswer } from '../../src/cases/contract.ts';
import type { CaseSummary } from '../shared/api.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { Highlight } from '../shared/Highlight.tsx';
import { DueTag } from './widgets.tsx';

/** A row of GET /api/v1/cases. */
export type CaseRow = CaseSummary;

/** GET /api/v1/cases: broad lists count only up to a cap (10,000), then `totalCapped`. */
export type CaseList = CaseListAnswer;

/** The list's size as shown: "1,234", or "10,000+" when the server stopped counting at its cap. */
export const totalText = (l: Pick<CaseList, 'total' | 'totalCapped'> | undefined): string =>
  l ? `${l.total.toLocaleString('en-US')}${l.totalCapped ? '+' : ''}` : '0';

const FLAG_TAGS: { key: keyof CaseRow['flags']; label: string; color: string }[] = [
  { key: 'supervised', label: '督办', color: 'purple' },
  { key: 'backlog', label: '积案', color: 'magenta' },
  { key: 'isGroup', label: '集体访', color: 'orange' },
  { key: 'skippedLevel', label: '越级', color: 'volcano' },
  { key: 'anonymous', label: '匿名', color: 'geekblue' },
];

export function FlagTags({ flags }: { flags: CaseRow['flags'] }) {
  return (
    <>
      {flags.repeatCount > 0 ? <Tag color="gold">重复{flags.repeatCount}次</Tag> : null}
      {FLAG_TAGS.filter((f) => flags[f.key]).map((f) => (
        <Tag key={f.key} color={f.color}>
          {f.label}
        </Tag>
      ))}
    </>
  );
}

type Sorted = 'ascend' | 'descend' | null;
const sortOrderOf = (field: string, sort: string | null, order: string | null): Sorted =>
  sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null;

/**
 * The columns of a case list. `numberSortable`: 案件查询 sorts by number too (the queues keep the
 * server's order); `closedGreen`: settled matters stand out where the list holds them;
 * `widths` differ a little between the two pages' filter bars.
 */
export function caseColumns(o: {
  tr: (s: string) => string;
  sort: string | null;
  order: string | null;
  numberSortable?: boolean;
  ellipsisSubject?: boolean;
  closedGreen?: boolean;
  widths: { form: number; place: number; due: number };
}): ProColumns<CaseRow>[] {
  const { tr, sort, order } = o;
  return [
    {
      title: tr('信访件编号'),
      dataIndex: 'caseNumber',
      width: 190,
      ...(o.numberSortable ? { sorter: true, sortOrder: sortOrderOf('caseNumber', sort, order) } : {}),
      render: (_, c) => (
        <Link to={`/cases/${c.id}`} className="xf-case-link">
          {c.caseNumber}
        </Link>
      ),
    },
    {
      title: tr('标题'),
      dataIndex: 'subject',
      ...(o.ellipsisSubject ? { ellipsis: true } : {}),
      render: (_, c) => (
        <span>
          {c.subject} <FlagTags flags={c.flags} />
          {c.highlight ? (
            <div style={{ color: '#595959', fontSize: 12, marginTop: 4 }}>
              <Highlight text={c.highlight} />
            </div>
          ) : null}
        </span>
      ),
    },
    {
      title: tr('状态'),
      dataIndex: 'stateName',
      width: 100,
      render: (_, c) => (
        <Tag color={o.closedGreen && c.state === 'closed' ? 'green' : undefined}>{c.stateName}</Tag>
      ),
    },
    { title: tr('形式'), dataIndex: 'formName', width: o.widths.form },
    {
      title: tr('属地'),
      dataIndex: 'jurisdictionName',
      width: o.widths.place,
      render: (_, c) => <span title={c.jurisdictionCode}>{c.jurisdictionName ?? c.jurisdictionCode}</span>,
    },
    {
      title: tr('收到时间'),
      dataIndex: 'receivedAt',
      width: 150,
      sorter: true,
      sortOrder: sortOrderOf('receivedAt', sort, order),
      render: (_, c) => formatDateTime(c.receivedAt),
    },
    {
      title: tr('期限'),
      dataIndex: 'dueAt',
      width: o.widths.due,
      sorter: true,
      sortOrder: sortOrderOf('dueAt', sort, order),
      render: (_, c) => (
        <Space size={4}>
          <span>{c.dueAt ? formatDate(c.dueAt) : ''}</span>
          <DueTag days={c.daysRemaining} />
        </Space>
      ),
    },
  ];
}

/** The table's page and sort, written back to the URL (`update` keeps the other filters). */
export const tableChange =
  (update: (changes: Record<string, string | null>, keepPage?: boolean) => void) =>
  (p: TablePaginationConfig, _f: unknown, sorter: SorterResult<CaseRow> | SorterResult<CaseRow>[]) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    update(
      {
        page: String(p.current ?? 1),
        pageSize: String(p.pageSize ?? 20),
        sort: s?.order ? String(s.field) : null,
        order: s?.order ? (s.order === 'descend' ? 'desc' : 'asc') : null,
      },
      true,
    );
  };
