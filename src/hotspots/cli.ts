// `xinfang hotspots eval --input FILE.csv`: clusters the messages of a CSV offline (no database)
// and prints the hotspots, best first, with their likes, dates and merges; with --truth (a grouping
// file or a column) also purity, coverage and adjusted Rand index against that grouping
// (src/hotspots/evaluate.ts). The message-board files name places as "A市A3区": the county is taken
// from the text (the first frequent "A3区"/"A7县"), the petitioner from the user column.
import fs from 'node:fs';
import type { Command } from 'commander';
import { parseCsvObjects } from '../classify/csv.ts';
import {
  type ClusterOptions,
  clusterMessages,
  type HotspotMessage,
  type MessageCluster,
  placeCandidates,
} from './cluster.ts';
import { evaluateAgainstTruth, type TruthReport, type TruthRow } from './evaluate.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);

const COUNTY = /[A-Z]\d{1,2}[区县市]/gu;

/** A CSV row: always with its text (the probes read it). */
type CsvMessage = HotspotMessage & { text: string };

export function readHotspotCsv(
  file: string,
  cols: { text: string; user: string; time: string; id: string; place?: string; likes?: string },
): CsvMessage[] {
  const { header, rows } = parseCsvObjects(fs.readFileSync(file, 'utf8'));
  const textCols = cols.text.split(',').map((c) => c.trim());
  const missing = textCols.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`CSV 缺少列 / missing columns: ${missing.join(', ')}`);
  const messages = rows.map((r, i) => {
    const text = textCols
      .map((c) => (r[c] ?? '').trim())
      .filter(Boolean)
      .join('。');
    const at = new Date((r[cols.time] ?? '').replace(' ', 'T'));
    const place = cols.place ? r[cols.place] : '';
    // With several text columns, the first is the subject line (the board's title).
    const subject = textCols.length > 1 ? (r[textCols[0] as string] ?? '').trim() : '';
    return {
      id: r[cols.id] || String(i + 1),
      text,
      ...(subject ? { subject } : {}),
      place: place || undefined,
      petitioner: r[cols.user] || undefined,
      at: Number.isNaN(at.getTime()) ? new Date(0) : at,
      likes: Number(r[cols.likes ?? 'likes']) || 0,
    };
  });
  if (!cols.place) {
    countiesFromText(messages);
    inferCounties(messages);
  }
  return messages;
}

/**
 * The county a post names ("A3区"): the anonymisation also replaced pieces of estate and road
 * names by such tokens (五矿万境K9县, C5市南路), so only tokens frequent in the file (in at least
 * 2 % of the posts) count as counties; the first in the text, which begins with the title.
 */
function countiesFromText(messages: CsvMessage[]): void {
  const found = messages.map((m) => [...m.text.matchAll(COUNTY)].map((x) => x[0]));
  const df = new Map<string, number>();
  for (const f of found) for (const c of new Set(f)) df.set(c, (df.get(c) ?? 0) + 1);
  const min = Math.max(10, 0.02 * messages.length);
  messages.forEach((m, i) => {
    const county = (found[i] as string[]).find((c) => (df.get(c) ?? 0) >= min);
    if (county) m.place = county;
  });
}

/**
 * Many posts name only the estate ("A市丽发新城"), not its county. A registered case always has its
 * county; for the CSV, a post without one takes the county that the other posts naming the same
 * estate or road agree on (≥ 80 % of at least two).
 */
function inferCounties(messages: CsvMessage[]): void {
  const counties = new Map<string, Map<string, number>>();
  for (const m of messages) {
    if (!m.place) continue;
    for (const p of placeCandidates(m.text)) {
      const c = counties.get(p) ?? new Map<string, number>();
      c.set(m.place, (c.get(m.place) ?? 0) + 1);
      counties.set(p, c);
    }
  }
  for (const m of messages) {
    if (m.place) continue;
    let best: [string, number] | undefined;
    for (const p of placeCandidates(m.text)) {
      const c = counties.get(p);
      if (!c) continue;
      const total = [...c.values()].reduce((a, b) => a + b, 0);
      const [county, n] = [...c].sort((a, b) => b[1] - a[1])[0] as [string, number];
      if (total >= 2 && n / total >= 0.8 && (!best || n > best[1])) best = [county, n];
    }
    if (best) m.place = best[0];
  }
}

export function registerHotspotCommands(program: Command): void {
  const hotspots = program.command('hotspots').description('热点问题聚类 / hotspot clustering');
  hotspots
    .command('eval')
    .description('离线聚类一个 CSV 并打印热点 / cluster a CSV offline and print the hotspots')
    .requiredOption('--input <file>', 'CSV 文件（UTF-8，带表头）/ CSV file, UTF-8 with a header')
    .option('--text <cols>', '文本列 / text columns', 'title,body')
    .option('--user <col>', '信访人列 / petitioner column', 'user')
    .option('--time <col>', '时间列 / time column', 'time')
    .option('--id <col>', '编号列 / id column', 'id')
    .option('--place <col>', '属地列（缺省时从文本识别“A3区”）/ place column (default: from the text)')
    .option(
      '--truth <file|col>',
      '人工分组：CSV 文件（id,problem[,split]）或输入文件中的列；计算纯度、覆盖率和调整兰德指数 / hand-made grouping: a CSV file (id,problem[,split]) or a column of the input',
    )
    .option('--split <name>', '只用人工分组中该子集的问题（如 tune / eval）/ only the problems of this split')
    .option('--top <n>', '打印前 N 个热点 / print the top N clusters', (v) => Number(v), 20)
    .option('--threshold <x>', '加入簇的余弦阈值 / join threshold', (v) => Number(v))
    .option('--merge <x>', '合并簇的余弦阈值 / merge threshold', (v) => Number(v))
    .option('--place-weight <x>', '地点特征权重 / weight of fine-place features', (v) => Number(v))
    .option('--likes <col>', '点赞数列 / likes column', 'likes')
    .option('--no-problems', '不合并同一问题的簇（仅紧密簇）/ tight clusters only, no problem merging')
    .option('--place-threshold <x>', '同一地点合并的事项相似度阈值 / same-place merge threshold', (v) =>
      Number(v),
    )
    .option('--matter-threshold <x>', '无地点冲突合并的事项相似度阈值 / matter merge threshold', (v) =>
      Number(v),
    )
    .option('--place-only-threshold <x>', '无事项表匹配时的同地点阈值 / same place, no table matter', (v) =>
      Number(v),
    )
    .option('--name-threshold <x>', '同一名称合并阈值 / shared-name merge threshold', (v) => Number(v))
    .option('--follow-threshold <x>', '同一信访人后续留言合并阈值 / follow-up merge threshold', (v) =>
      Number(v),
    )
    .option(
      '--probe <name=regex>',
      '检验主题：名称=正则（“ & ”连接须同时命中），可多次 / a keyword-defined topic, repeatable',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--json', '最后一行输出 JSON 摘要 / JSON summary as the last line')
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang hotspots eval --input ../shared/data/hot.csv
  $ npx xinfang hotspots eval --input ../shared/data/hot.csv --truth test/fixtures/hotspots/hot-truth.csv --split eval2
  $ npx xinfang hotspots eval --input labelled.csv --text content --truth topic --place county`,
    )
    .action(
      (opts: {
        input: string;
        text: string;
        user: string;
        time: string;
        id: string;
        place?: string;
        truth?: string;
        split?: string;
        top: number;
        threshold?: number;
        merge?: number;
        likes: string;
        placeWeight?: number;
        problems: boolean;
        placeThreshold?: number;
        matterThreshold?: number;
        followThreshold?: number;
        placeOnlyThreshold?: number;
        nameThreshold?: number;
        json?: boolean;
        probe: string[];
      }) => {
        const messages = readHotspotCsv(opts.input, opts);
        const t0 = performance.now();
        const options: Partial<ClusterOptions> = {};
        if (opts.threshold) options.threshold = opts.threshold;
        if (opts.merge) options.mergeThreshold = opts.merge;
        options.problems = opts.problems;
        if (opts.placeWeight !== undefined) options.placeWeight = opts.placeWeight;
        if (opts.placeThreshold !== undefined) options.placeThreshold = opts.placeThreshold;
        if (opts.matterThreshold !== undefined) options.matterThreshold = opts.matterThreshold;
        if (opts.followThreshold !== undefined) options.followUpThreshold = opts.followThreshold;
        if (opts.placeOnlyThreshold !== undefined) options.placeOnlyThreshold = opts.placeOnlyThreshold;
        if (opts.nameThreshold !== undefined) options.nameThreshold = opts.nameThreshold;
        const clusters = clusterMessages(messages, options);
        const seconds = (performance.now() - t0) / 1000;
        const byId = new Map(messages.map((m) => [m.id, m]));
        const clustered = clusters.reduce((s, c) => s + c.size, 0);
        err(
          `${messages.length} 条留言，${clusters.length} 个簇（≥2 条），覆盖 ${clustered} 条，用时 ${seconds.toFixed(1)} 秒`,
        );
        const day = (d: Date) => d.toISOString().slice(0, 10);
        for (const [k, c] of clusters.slice(0, opts.top).entries()) {
          out(
            `#${k + 1} ${c.label}  条数=${c.size} 信访人=${c.petitioners} 点赞=${c.likes} ${day(c.firstAt)}~${day(c.lastAt)} 紧密度=${c.cohesion.toFixed(2)}`,
          );
          for (const id of c.ids.slice(0, 4)) out(`    ${(byId.get(id)?.text ?? '').slice(0, 60)}`);
          for (const m of c.merges)
            out(
              `    + ${MERGE_REASONS[m.reason]}${m.place ? `「${m.place}」` : ''} ${m.ids.length} 条 相似度=${m.similarity} 共同: ${m.shared.join('、')}  ${(byId.get(m.ids[0] as string)?.text ?? '').slice(0, 30)}`,
            );
        }
        const summary: Record<string, unknown> = {
          messages: messages.length,
          clusters: clusters.length,
          clustered,
          seconds: Math.round(seconds * 10) / 10,
          meanCohesion:
            clusters.length === 0
              ? null
              : Math.round((clusters.reduce((s, c) => s + c.cohesion, 0) / clusters.length) * 1000) / 1000,
        };
        if (opts.probe.length > 0) summary.probes = probeReport(messages, clusters, opts.probe);
        if (opts.truth) {
          const truth = isFile(opts.truth)
            ? readTruthFile(opts.truth)
            : truthColumn(opts.input, opts.id, opts.truth, messages);
          const report = evaluateAgainstTruth(clusters, truth, opts.split);
          printTruthReport(report);
          Object.assign(summary, { ...report, perProblem: undefined });
        }
        if (opts.json || opts.truth || opts.probe.length > 0) out(JSON.stringify(summary));
        else err(JSON.stringify(summary));
      },
    );
}

const MERGE_REASONS = {
  place: '同一地点',
  name: '同一名称',
  topic: '同一主题',
  follow_up: '同一信访人续报',
  matter: '同一事项',
} as const;

const isFile = (path: string) => fs.existsSync(path) && fs.statSync(path).isFile();

/**
 * A hand-made grouping: CSV with a header; the id column is `id` (or 留言编号, else the first),
 * the problem column `problem` (or 问题ID, group, label, topic, else the second), an optional
 * `split`. Rows with an empty problem are not labelled.
 */
export function readTruthFile(file: string): Map<string, TruthRow> {
  const { header, rows } = parseCsvObjects(fs.readFileSync(file, 'utf8'));
  const pick = (names: string[], k: number) => names.find((n) => header.includes(n)) ?? header[k];
  const idCol = pick(['id', '留言编号'], 0);
  const problemCol = pick(['problem', '问题ID', 'group', 'label', 'topic'], 1);
  if (!idCol || !problemCol) throw new Error(`人工分组文件至少需要两列 / needs two columns: ${file}`);
  const out = new Map<string, TruthRow>();
  for (const r of rows) {
    const id = (r[idCol] ?? '').trim();
    const problem = (r[problemCol] ?? '').trim();
    if (id && problem) out.set(id, { problem, split: r.split?.trim() || undefined });
  }
  return out;
}

/** The grouping as a column of the input itself (rows with it empty are not labelled). */
function truthColumn(
  input: string,
  idCol: string,
  col: string,
  messages: readonly CsvMessage[],
): Map<string, TruthRow> {
  const { header, rows } = parseCsvObjects(fs.readFileSync(input, 'utf8'));
  if (!header.includes(col)) throw new Error(`CSV 缺少列 / missing column: ${col}`);
  const out = new Map<string, TruthRow>();
  rows.forEach((r, i) => {
    const problem = (r[col] ?? '').trim();
    const id = String(messages[i]?.id ?? r[idCol]);
    if (problem) out.set(id, { problem, split: r.split?.trim() || undefined });
  });
  return out;
}

function printTruthReport(r: TruthReport): void {
  err(
    `人工分组 ${r.problems} 个问题 ${r.labelled} 条：纯度 ${r.purity}，覆盖率 ${r.coverage}（按条 ${r.coverageMessages}），调整兰德指数 ${r.adjustedRand}`,
  );
  for (const p of r.perProblem)
    err(
      `  ${p.problem.padEnd(16, '　')} ${String(p.messages).padStart(3)} 条  覆盖 ${p.coverage.toFixed(2)}  分在 ${p.hotspots} 个热点  #${p.rank ?? '-'} ${p.label ?? ''}`,
    );
  if (r.duplicatedInTop10.length > 0) err(`  前十重复的问题：${r.duplicatedInTop10.join('、')}`);
}

/**
 * For each keyword-defined topic: how many messages match it, the share of them in the single
 * cluster holding most of them (recall), and the share of that cluster that matches (precision).
 * A check on files without a ground truth; the keywords are the evaluator's, not the method's.
 */
function probeReport(messages: CsvMessage[], clusters: MessageCluster[], probes: string[]) {
  const clusterOf = new Map<string | number, number>();
  clusters.forEach((c, k) => {
    for (const id of c.ids) clusterOf.set(id, k);
  });
  return probes.map((p) => {
    const [name = p, pattern = p] = p.includes('=')
      ? [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]
      : [p, p];
    const parts = pattern.split(' & ').map((r) => new RegExp(r, 'u'));
    const hits = messages.filter((m) => parts.every((r) => r.test(m.text)));
    const counts = new Map<number, number>();
    for (const m of hits) {
      const k = clusterOf.get(m.id);
      if (k !== undefined) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const [best, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
    const cluster = clusters[best];
    return {
      name,
      messages: hits.length,
      recall: hits.length ? Math.round((n / hits.length) * 100) / 100 : null,
      precision: cluster ? Math.round((n / cluster.size) * 100) / 100 : null,
      cluster: cluster?.label ?? null,
    };
  });
}
