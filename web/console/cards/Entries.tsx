// The handling written on a card (受理、办理、答复、复查、复核), as a timeline.
import { Empty, Timeline } from 'antd';
import { formatDate } from '../../shared/format.ts';
import type { CardEntry } from './types.ts';

export function Entries({ entries }: { entries: CardEntry[] }) {
  if (!entries.length) return <Empty description="尚无办理记载" />;
  return (
    <Timeline
      items={entries.map((e, i) => ({
        key: `${e.stage}-${i}`,
        color: e.stage === 'answer' ? 'green' : 'red',
        children: (
          <span>
            <b>{e.stageName}</b>　{formatDate(e.at)}　{e.unit}（{e.levelName}）
          </span>
        ),
      }))}
    />
  );
}
