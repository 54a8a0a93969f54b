// `xinfang classify test`: a stored model (the active one, or --version N before it is put into
// service) scored on labelled matters it was not trained on — the bureau's newest matters, with
// the category its registrars filed them under (src/classify/heldOut.ts).
import fs from 'node:fs';
import type { Command } from 'commander';
import { dataOption } from '../cli/options.ts';
import { readTrainingCsv, versionOption, withDatabase } from './cliInput.ts';
import { csvLine } from './csv.ts';
import { scoreHeldOut } from './heldOut.ts';
import { activeClassifier, storedClassifier } from './store.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const err = (s: string) => process.stderr.write(`${s}\n`);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface TestOpts {
  input: string;
  text: string;
  label: string;
  version?: string;
  errors?: string;
  data: string;
}

export function registerTestCommand(classify: Command): void {
  classify
    .command('test')
    .description(
      '用训练之外的已分类事项检验已存模型（默认生效版本）/ score a stored model on labelled matters it was not trained on',
    )
    .requiredOption('--input <file>', 'CSV 文件（UTF-8，带表头）/ CSV file, UTF-8 with a header')
    .option('--text <cols>', '文本列，逗号分隔 / text columns, comma-separated', 'title,body')
    .option('--label <col>', '类别列 / label column', 'label')
    .option(
      '--version <v>',
      '版本号或 lexicon（默认生效版本）/ version number or "lexicon" (default: the active one)',
    )
    .option(
      '--errors <file>',
      '把分错的事项写入 CSV 以便复核 / write the misclassified rows to a CSV for review',
    )
    .addOption(dataOption())
    .addHelpText(
      'after',
      '\n示例:\n' +
        '  $ npx xinfang classify test --input 2026-11.csv --text subject,content --label category\n' +
        '  $ npx xinfang classify test --input 2026-11.csv --version 4 --errors review.csv',
    )
    .action(async (opts: TestOpts) => {
      const version = opts.version === undefined ? undefined : versionOption(opts.version);
      const { texts, labels, rowOfFile, skipped } = readTrainingCsv(opts.input, opts.text, opts.label);
      if (texts.length === 0) throw new Error('文件中没有带类别和文字的行 / no row with a label and text');
      const stored = await withDatabase(opts.data, (db) =>
        version === undefined ? activeClassifier(db) : storedClassifier(db, version),
      );
      if (!stored) throw new Error(`没有版本 ${version} / no stored version ${version}`);
      const { report, rows } = scoreHeldOut(stored.classifier, texts, labels, rowOfFile);
      err(
        `模型 / model: ${stored.version === 'lexicon' ? '内置关键词表 / lexicon' : `v${stored.version}`}；` +
          `${report.rows} 件事项 / rows${skipped ? `（${skipped} 行缺类别或文字，未计 / skipped）` : ''}`,
      );
      err(
        `首选正确率 / accuracy ${pct(report.accuracy)}，macro-F1 ${report.macroF1.toFixed(3)}，` +
          `前三含正确类别 / in the top three ${pct(report.top3)}，概率校准误差 / ECE ${report.ece.toFixed(3)}`,
      );
      for (const [label, s] of Object.entries(report.perLabel)) {
        err(
          `  ${label}: F1 ${s.f1.toFixed(3)}（查准 / precision ${s.precision.toFixed(3)}，` +
            `查全 / recall ${s.recall.toFixed(3)}，${s.support} 件）`,
        );
      }
      const unknown = Object.entries(report.unknownLabels);
      if (unknown.length > 0) {
        err(
          `注意：模型不认识这些类别，其事项无法分对 / labels the model cannot suggest: ` +
            unknown.map(([l, n]) => `${l} ${n} 件`).join('，'),
        );
      }
      for (const c of report.confusions.slice(0, 5)) {
        err(`  常见错分 / frequent mistake: ${c.label} → ${c.predicted}，${c.rows} 件`);
      }
      if (opts.errors) {
        const wrong = rows.filter((r) => r.predicted !== r.label);
        const textOfRow = new Map(rowOfFile.map((row, i) => [row, texts[i]]));
        const lines = [
          csvLine(['行号', '类别', '建议', '概率', '正确类别的名次', '内容']),
          ...wrong.map((r) =>
            csvLine([
              r.row,
              r.label,
              r.predicted,
              r.probability.toFixed(3),
              r.rank || '',
              (textOfRow.get(r.row) ?? '').slice(0, 120),
            ]),
          ),
        ];
        // With a byte-order mark: Excel then opens the UTF-8 file as UTF-8.
        fs.writeFileSync(opts.errors, `\uFEFF${lines.join('\r\n')}\r\n`);
        err(`分错的 ${wrong.length} 件已写入 / misclassified rows written to ${opts.errors}`);
      }
      out(JSON.stringify({ modelVersion: stored.version, ...report }));
    });
}
