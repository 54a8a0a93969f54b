// Distant labels from the government's replies (docs/classifier.md, "Labels from who answered"):
// a message in `replies.csv` whose reply names departments of exactly one of the seven labels (and
// none of another first-level category) gets that label; written as title,body,label for
// `EXTRA=… npx tsx bench/classifier-variants.ts`. Measured: it lowers macro-F1 (the departments that
// answer do not follow the gold's topic convention: bus lines are 城乡建设 there, answered by
// 交通运输局 or a bus company), so it stays an experiment.
//
//   npx tsx bench/distant-labels.ts [--input ../shared/data/replies.csv] [--out /tmp/distant.csv]
//     [--without 交通运输]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseCsvObjects } from '../src/classify/csv.ts';

/** Departments (as they are named in a reply) that imply one of the seven labels of train.csv. */
const ANSWERED_BY: Record<string, RegExp> = {
  城乡建设:
    /住建|住房和城乡建设|城乡建设局|建设局|城管|城市管理|行政执法局|规划局|规划分局|规建局|房产局|住房保障|公积金|房屋交易|自来水|水务局|市政|园林|环卫|工务局|城投|物业公司|业主委员会|房屋征收/,
  交通运输: /交通运输局|交通局|公路局|公交|轨道交通|轨道集团|出租车|运管|运输管理|邮政管理/,
  劳动和社会保障:
    /人社局|人力资源和社会保障|人力资源社会保障|社保局|社会保险|医疗保险|医保局|医疗保障局|劳动监察|劳动保障/,
  卫生计生: /卫生局|卫健委|卫生健康|卫计委|卫生计生|卫生和计划生育|卫计局|疾控|卫生服务中心|食品药品监督/,
  商贸旅游: /商务局|工商局|工商分局|市场监督管理|市场监管|质监局|质量技术监督|旅游局|旅游发展委/,
  环境保护: /环保局|环境保护局|生态环境|环境监察|环保分局/,
  教育文体: /教育局|教育体育局|教体局|教育阳光|体育局|文化局|文广|文物局|教育厅/,
};
/** Departments of the other first-level categories: a reply naming one is left out. */
const OTHER =
  /公安|派出所|交警|国土|自然资源|民政局|财政局|发改|发展和改革|税务|司法局|农业|林业|畜牧|水利局|气象|不动产|安监|应急管理|统计局|法院/;

const { values } = parseArgs({
  options: {
    input: { type: 'string', default: '../shared/data/replies.csv' },
    out: { type: 'string', default: '/tmp/distant.csv' },
    without: { type: 'string', multiple: true, default: [] },
  },
});
const { rows } = parseCsvObjects(fs.readFileSync(values.input as string, 'utf8'));
const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lines = ['title,body,label'];
const per: Record<string, number> = {};
for (const r of rows) {
  const reply = r.reply ?? '';
  // Who answered is named at the start ("市住建局及时将您反映的问题…") or in the signature.
  const named = `${reply.slice(0, 250)} ${reply.slice(-80)}`;
  const labels = Object.keys(ANSWERED_BY).filter((l) => ANSWERED_BY[l]?.test(named));
  const label = labels[0];
  if (labels.length !== 1 || !label || OTHER.test(named) || values.without?.includes(label)) continue;
  per[label] = (per[label] ?? 0) + 1;
  lines.push([r.title ?? '', r.body ?? '', label].map(quote).join(','));
}
fs.writeFileSync(values.out as string, `${lines.join('\n')}\n`);
console.log(`${lines.length - 1} rows to ${values.out}`, per);
