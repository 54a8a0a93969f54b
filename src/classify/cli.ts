// `xinfang classify train | eval | test | predict | list | use`: the content-category classifier.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { createProgress } from '../cli/progress.ts';
import { appConfigFromEnv } from '../config/index.ts';
import { type Executor, openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { categoryByName } from '../domain/categories.ts';
import { reclassifyPending } from '../intake/suggestion.ts';
import { readTrainingCsv, versionOption, withDatabase } from './cliInput.ts';
import { crossValidate } from './evaluate.ts';
import { DEFAULT_GRID, repeatedHonestCrossValidate, trainSelected } from './honest.ts';
import { DEFAULT_TRAIN } from './model.ts';
import { type SelfTrainFlags, selfTrainFlags, selfTrainInput } from './selfTrainingCli.ts';
import { activateVersion, activeClassifier, listModels, saveModel } from './store.ts';
import {
  type PriorInput,
  storedTaxonomyPrior,
  TAXONOMY_COPIES,
  TAXONOMY_FILE,
  taxonomyPrior,
  taxonomySourceFor,
} from './taxonomy.ts';
import { registerTestCommand } from './testCli.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);
/** The matters still 待确认 get the suggestion of the model now in service (as the console's 启用 does). */
const renewed = (r: { reclassified: number }) =>
  r.reclassified > 0 &&
  err(`待确认事项已按在用模型重新建议 ${r.reclassified} 件 / pending suggestions renewed`);

interface DataOpts {
  input: string;
  text: string;
  label: string;
  /** A file, `false` for --no-taxonomy, undefined for the default. */
  taxonomy?: string | boolean;
}

const dataOptions = (cmd: Command) =>
  cmd
    .requiredOption('--input <file>', 'CSV 文件（UTF-8，带表头）/ CSV file, UTF-8 with a header')
    .option('--text <cols>', '文本列，逗号分隔 / text columns, comma-separated', 'title,body')
    .option('--label <col>', '类别列 / label column', 'label')
    .option(
      '--taxonomy <file>',
      `内容分类体系 CSV（level1,level2,level3）或 dictionary（平台的二、三级分类词典），各叶作为先验样本参与训练；` +
        `默认取训练文件旁的 ${TAXONOMY_FILE}，train 时其次取分类词典 / the official classification tree as prior ` +
        `rows, a CSV or "dictionary" (default: ${TAXONOMY_FILE} beside --input; for train, else the dictionary)`,
    )
    .option('--no-taxonomy', '不用分类体系先验 / no taxonomy prior rows')
    .addOption(dataOption());

/**
 * The taxonomy prior a run uses (taxonomy.ts), announced on stderr so it is never a surprise. The
 * dictionary is read through `withDb`; named and empty, it is an error, by default simply not used.
 */
async function priorFor(
  opts: { taxonomy?: string | boolean; input: string },
  dictionaryByDefault: boolean,
  withDb: <T>(read: (db: Executor) => Promise<T>) => Promise<T>,
): Promise<{ source: string; prior: PriorInput & { leaves: number } } | undefined> {
  const from = taxonomySourceFor(opts.taxonomy, opts.input, dictionaryByDefault);
  if (!from) return undefined;
  if (from.kind === 'file') {
    const prior = taxonomyPrior(fs.readFileSync(from.file, 'utf8'));
    err(`分类体系先验 / taxonomy prior: ${from.file}, ${prior.leaves} 个分类叶 / leaves`);
    return { source: path.basename(from.file), prior };
  }
  const { version, ...prior } = await withDb(storedTaxonomyPrior);
  if (prior.leaves === 0) {
    if (from.asked) throw new Error('分类词典没有二、三级分类 / the category dictionary is empty');
    return undefined;
  }
  err(
    `分类体系先验 / taxonomy prior: 分类词典 / category dictionary v${version}, ${prior.leaves} 个分类叶 / leaves`,
  );
  return { source: `dictionary v${version}`, prior };
}

interface EvalOpts extends DataOpts, SelfTrainFlags {
  folds: number;
  seed: number;
  honest?: boolean;
  innerFolds: number;
  threshold: number;
  repeats: number;
}

function honestEval(texts: string[], labels: string[], opts: EvalOpts, prior?: PriorInput): void {
  if (!Number.isInteger(opts.innerFolds) || opts.innerFolds < 2) {
    throw new Error('--inner-folds 至少为 2 / at least 2');
  }
  if (!(opts.threshold > 0 && opts.threshold <= 1)) throw new Error('--threshold 应在 (0, 1] / in (0, 1]');
  if (!Number.isInteger(opts.repeats) || opts.repeats < 1) throw new Error('--repeats 至少为 1 / at least 1');
  const progress = createProgress('classify eval --honest', opts.folds * opts.repeats);
  const r = repeatedHonestCrossValidate(texts, labels, {
    folds: opts.folds,
    innerFolds: opts.innerFolds,
    seed: opts.seed,
    threshold: opts.threshold,
    repeats: opts.repeats,
    selfTrain: selfTrainInput(opts, opts.text),
    prior,
    onFold: (f, info) => {
      progress.increment();
      err(
        `  fold ${f}/${opts.folds}: macro-F1 ${info.macroF1.toFixed(4)}, chosen ${JSON.stringify(info.chosen)}, ` +
          `train ${info.seconds.toFixed(1)} s`,
      );
    },
    onRepeat: (n, run) =>
      err(
        `  repeat ${n}/${opts.repeats} (seed ${opts.seed + n - 1}): macro-F1 ${run.macroF1.mean.toFixed(4)}`,
      ),
  });
  progress.stop();
  if (r.pseudo) err(`自训练伪标签 / pseudo-labels per outer fold: ${JSON.stringify(r.pseudo)}`);
  const m = r.macroF1;
  out(
    `诚实估计 / honest estimate: macro-F1 ${m.mean.toFixed(3)} ± ${m.std.toFixed(3)} (std over ${r.folds} ` +
      `grouped folds × ${r.repeats} splits; min–max ${m.min.toFixed(3)}–${m.max.toFixed(3)}; per split ` +
      `${r.repeatMeans.map((x) => x.toFixed(3)).join(', ')}); ${r.nearDuplicates.rowsInGroups} rows ` +
      `in ${r.nearDuplicates.groups} near-duplicate groups`,
  );
  out(JSON.stringify(r));
}

export function registerClassifyCommands(program: Command): void {
  const classify = program
    .command('classify')
    .description('内容分类与转办建议 / content-category classifier');

  selfTrainFlags(dataOptions(classify.command('train')))
    .description(
      '用历史事项训练分类模型并存入数据库（成为生效版本）/ train on a CSV and store as the active model',
    )
    .option('--seed <s>', '随机种子 / random seed', (v) => Number(v), 1)
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang classify train --input cases.csv --text subject,content --label category
  $ npx xinfang classify train --input ../shared/data/train.csv --text title,body --label label --data /srv/xinfang
  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/xinfang npx xinfang classify train --input cases.csv

空类别或空文本的行跳过并计数。最后一行输出 JSON 摘要。嵌入式数据库须先停止服务。
Rows with an empty label or text are skipped and counted; the last line of output is a JSON summary.`,
    )
    .action(async (opts: DataOpts & SelfTrainFlags & { data: string; seed: number }) => {
      const { texts, labels, skipped, counts } = readTrainingCsv(opts.input, opts.text, opts.label);
      err(
        `读取 ${texts.length} 行，跳过 ${skipped} 行（无类别或无文本）/ ${texts.length} rows, ${skipped} skipped`,
      );
      // Inner selection (grid × inner folds), the calibration folds, the final fit.
      const steps = DEFAULT_GRID.length * DEFAULT_TRAIN.calibrationFolds + 1;
      const database = await openDatabase(appConfigFromEnv({ data: opts.data }));
      try {
        await migrate(database);
        const taxonomy = await priorFor(opts, true, (read) => read(database.db));
        const progress = createProgress('classify train', steps);
        const { model, report, selfTraining } = trainSelected(texts, labels, {
          seed: opts.seed,
          train: { onStep: () => progress.increment() },
          selfTrain: selfTrainInput(opts, opts.text),
          prior: taxonomy?.prior,
        });
        progress.stop();
        if (selfTraining) err(`自训练伪标签 / pseudo-labels: ${JSON.stringify(selfTraining.pseudo)}`);
        if (taxonomy) {
          err(
            `分类体系先验样本 ${report.priorRows} 行（训练类别下的叶 × ${TAXONOMY_COPIES}）/ ` +
              `${report.priorRows} prior rows (leaves of the trained labels × ${TAXONOMY_COPIES})`,
          );
        }
        err(
          `内层折选参 / chosen by inner grouped folds: ${JSON.stringify(report.chosen)} ` +
            `(held-out macro-F1 per candidate ${JSON.stringify(report.selectionScores)})`,
        );
        const taxonomyUsed = taxonomy && {
          source: taxonomy.source,
          leaves: taxonomy.prior.leaves,
          rows: report.priorRows,
        };
        const version = await saveModel(database.db, model, {
          trainedOn: {
            file: path.basename(opts.input),
            rows: texts.length,
            skipped,
            textColumns: opts.text,
            labelColumn: opts.label,
            labels: counts,
            seed: opts.seed,
            ...(taxonomyUsed ? { taxonomy: taxonomyUsed } : {}),
          },
          metrics: {
            chosen: report.chosen,
            selectionMacroF1: report.selectionScores,
            offsets: report.offsets,
            trainSeconds: report.seconds,
            temperature: report.temperature,
            features: report.features,
            ...(selfTraining ? { selfTraining } : {}),
          },
        });
        const unknown = model.labels.filter((l) => !categoryByName(l));
        if (unknown.length > 0) {
          err(
            `注意：以下类别不在内容分类中，登记时需手工选择分类，默认转信访局 / not content categories ` +
              `(no code to adopt; routed to the bureau unless a routing setting names a department): ${unknown.join(', ')}`,
          );
        }
        renewed(await reclassifyPending(database.db));
        out(
          `已保存版本 ${version}（生效）/ stored version ${version} (active): ${model.labels.length} labels, ` +
            `${report.features} features, ${report.seconds.toFixed(1)} s`,
        );
        out(
          JSON.stringify({
            version,
            rows: texts.length,
            skipped,
            labels: counts,
            features: report.features,
            temperature: Math.round(report.temperature * 10_000) / 10_000,
            trainSeconds: Math.round(report.seconds * 100) / 100,
            bytes: model.serialize().length,
            ...(taxonomyUsed ? { taxonomy: taxonomyUsed } : {}),
          }),
        );
      } finally {
        await database.close();
      }
    });

  selfTrainFlags(dataOptions(classify.command('eval').alias('evaluate')))
    .description('分层 k 折交叉验证（不写数据库）/ stratified k-fold cross-validation (writes nothing)')
    .option('--folds <k>', '折数 / folds', (v) => Number(v), 5)
    .option('--seed <s>', '随机种子 / random seed', (v) => Number(v), 1)
    .option(
      '--honest',
      '诚实估计：近似重复分在同一折、内层折选参数，报告均值与波动 / grouped nested CV with spread',
    )
    .option('--inner-folds <k>', '内层折数（--honest）/ inner folds', (v) => Number(v), 3)
    .option(
      '--repeats <n>',
      '不同划分重复次数（--honest，种子 seed、seed+1…）/ fold splits, seeds seed, seed + 1, …',
      (v) => Number(v),
      3,
    )
    .option(
      '--threshold <j>',
      '近似重复的 Jaccard 阈值（--honest）/ near-duplicate Jaccard',
      (v) => Number(v),
      0.8,
    )
    .addHelpText(
      'after',
      `
示例:
  $ npx xinfang classify eval --input ../shared/data/train.csv --text title,body --label label
  $ npx xinfang classify eval --input cases.csv --text subject,content --label category --folds 10 --seed 7

  $ npx xinfang classify evaluate --honest --input ../shared/data/train.csv

最后一行为 JSON / the last line is JSON: {"accuracy":…,"macroF1":…,"perLabel":{…},"folds":5,"trainSeconds":…}
--honest: 近似重复（Jaccard ≥ 0.8）同折，超参数由内层折选出（与 train 相同），报告各外层折的
macro-F1 均值、标准差与最小–最大，重复 3 种划分 / near-duplicates kept in one fold, hyper-parameters
chosen by inner folds as train does, over 3 fold splits (--repeats); the JSON has
macroF1.{mean,std,min,max,folds} over all folds and repeatMeans`,
    )
    .action(async (opts: EvalOpts & { data: string }) => {
      if (!Number.isInteger(opts.folds) || opts.folds < 2) throw new Error('--folds 至少为 2 / at least 2');
      const { texts, labels, skipped } = readTrainingCsv(opts.input, opts.text, opts.label);
      err(`读取 ${texts.length} 行，跳过 ${skipped} 行 / ${texts.length} rows, ${skipped} skipped`);
      // The database is opened only for `--taxonomy dictionary`: eval writes nothing.
      const prior = (await priorFor(opts, false, (read) => withDatabase(opts.data, read)))?.prior;
      if (opts.honest) {
        honestEval(texts, labels, opts, prior);
        return;
      }
      const progress = createProgress('classify eval', opts.folds + 1);
      const r = crossValidate(texts, labels, {
        folds: opts.folds,
        seed: opts.seed,
        train: { seed: opts.seed },
        prior,
        onTokenized: () => progress.increment(),
        onFold: (f, info) => {
          progress.increment();
          err(
            `  fold ${f}/${opts.folds}: accuracy ${info.accuracy.toFixed(4)}, train ${info.seconds.toFixed(1)} s`,
          );
        },
      });
      progress.stop();
      out(JSON.stringify(r));
    });

  classify
    .command('predict')
    .description('对一段文字给出类别建议 / suggest a category for a text')
    .requiredOption('--text <text>', '信访内容 / the text')
    .addOption(dataOption())
    .addHelpText('after', '\n示例:\n  $ npx xinfang classify predict --text "小区物业乱收停车费"')
    .action(async (opts: { text: string; data: string }) => {
      await withDatabase(opts.data, async (db) => {
        const { classifier, version } = await activeClassifier(db);
        out(JSON.stringify({ modelVersion: version, ...classifier.predict(opts.text) }));
      });
    });

  registerTestCommand(classify);

  classify
    .command('list')
    .description('已存模型版本 / stored model versions')
    .addOption(dataOption())
    .addHelpText('after', '\n示例:\n  $ npx xinfang classify list')
    .action(async (opts: { data: string }) => {
      await withDatabase(opts.data, async (db) => {
        const rows = await listModels(db);
        if (rows.length === 0)
          out('没有训练过的模型，使用内置关键词表 / no trained model: the built-in lexicon serves');
        for (const r of rows) {
          out(
            `${r.active ? '*' : ' '} v${r.version}  ${r.createdAt.toISOString()}  ${JSON.stringify(r.trainedOn)}`,
          );
        }
      });
    });

  classify
    .command('use')
    .description(
      '切换生效版本（回滚），或 lexicon 使用内置关键词表 / activate a stored version, or the lexicon',
    )
    .requiredOption('--version <v>', '版本号或 lexicon / version number or "lexicon"')
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\n示例:\n  $ npx xinfang classify use --version 3\n  $ npx xinfang classify use --version lexicon',
    )
    .action(async (opts: { version: string; data: string }) => {
      const v = versionOption(opts.version);
      await withDatabase(opts.data, async (db) => {
        await activateVersion(db, v);
        out(`生效版本 / active: ${v}`);
        renewed(await reclassifyPending(db));
      });
    });
}
