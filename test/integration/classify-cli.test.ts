// `xinfang classify train | eval` as a bureau runs them, on an embedded database of its own
// (a child process, `--data`): the official tree beside the export joins the training and is recorded
// with the model; `--no-taxonomy` leaves it out; `use --version` rolls back; `test` scores a stored
// model on newer matters; naming an empty category dictionary is an error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'classify-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the `xinfang` command on the embedded database in `dir` (never the test's PostgreSQL). */
function xinfang(args: string[]) {
  const { DATABASE_URL: _u, ...rest } = process.env;
  return new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/xinfang.js', ...args, '--data', path.join(dir, 'data')], {
      env: { ...rest, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

// A bureau's export: subject, content and the category it used, a few matters of three categories.
const MATTERS: [string, string, string][] = [
  ['学校乱收费', '学校老师在校外办补习班收取高额补课费', '教育文体'],
  ['幼儿园收费', '幼儿园学费太高，家长负担重', '教育文体'],
  ['课业负担', '中学学生课业负担太重，每天作业到深夜', '教育文体'],
  ['招生划片', '小学招生划片不合理，孩子不能就近入学', '教育文体'],
  ['体罚学生', '老师体罚学生，家长要求学校处理', '教育文体'],
  ['拖欠工资', '公司拖欠工资三个月，老板拒不支付', '劳动和社会保障'],
  ['社保', '单位不给员工交社保，多次要求无果', '劳动和社会保障'],
  ['工伤认定', '工伤认定太慢，半年没有结果', '劳动和社会保障'],
  ['退休金', '退休金发放不足，与政策规定不符', '劳动和社会保障'],
  ['农民工工资', '农民工工资被包工头拖欠，年关讨薪难', '劳动和社会保障'],
  ['废气污染', '工厂夜间排放废气，附近居民无法开窗', '环境保护'],
  ['噪音扰民', '夜间施工噪音扰民，影响居民休息', '环境保护'],
  ['污水偷排', '河道污水偷排，水体发黑发臭', '环境保护'],
  ['养殖场臭味', '养殖场臭味熏天，周边村民苦不堪言', '环境保护'],
  ['扬尘', '工地扬尘污染严重，未采取任何措施', '环境保护'],
];

describe('classify on the command line, with the official tree beside the export', () => {
  it('trains with the tree, records it, trains without it when told, and refuses an empty dictionary', async () => {
    const rows = [...MATTERS, ...MATTERS, ...MATTERS].map(
      ([s, c, l], i) => `${s},${c}${'。'.repeat(i % 3)},${l}`,
    );
    const input = path.join(dir, 'cases.csv');
    fs.writeFileSync(input, ['subject,content,category', ...rows].join('\n'));
    fs.writeFileSync(
      path.join(dir, 'taxonomy.csv'),
      [
        'level1,level2,level3',
        '教育文体,公共文化,图书馆开放时间',
        '环境保护,大气污染,餐饮油烟',
        '政法,治安管理,其他',
      ].join('\n'),
    );
    const common = ['--input', input, '--text', 'subject,content', '--label', 'category'];

    const withTree = await xinfang(['classify', 'train', ...common]);
    expect(withTree.code, withTree.err).toBe(0);
    expect(withTree.err).toContain(
      `分类体系先验 / taxonomy prior: ${path.join(dir, 'taxonomy.csv')}, 3 个分类叶`,
    );
    // The leaf of 政法 (a category the export does not have) is left out: two leaves, twice each.
    expect(withTree.err).toContain('分类体系先验样本 4 行');
    // The tree is recorded with the model (`classify list` shows `trainedOn`) and in the summary.
    expect(JSON.parse(withTree.out.trim().split('\n').at(-1) as string)).toMatchObject({
      version: 1,
      rows: 45,
      taxonomy: { source: 'taxonomy.csv', leaves: 3, rows: 4 },
    });

    const without = await xinfang(['classify', 'train', '--no-taxonomy', ...common]);
    expect(without.code, without.err).toBe(0);
    expect(without.err).not.toContain('分类体系先验');
    expect(JSON.parse(without.out.trim().split('\n').at(-1) as string)).not.toHaveProperty('taxonomy');

    // Rolling back to the first model: `--version` is the command's option, not the program's.
    const rollback = await xinfang(['classify', 'use', '--version', '1']);
    expect(rollback.code, rollback.err).toBe(0);
    expect(rollback.out).toContain('生效版本 / active: 1');
    const list = await xinfang(['classify', 'list']);
    expect(list.out).toMatch(/^\* v1 /m);
    expect(list.out).toMatch(/^ {2}v2 /m);

    // The stored model scored on matters it was not trained on (`classify test`): the active one, or
    // a version named before it is put into service; a category it does not know is said plainly,
    // and the mistakes go to a CSV to review.
    const newer = path.join(dir, 'newer.csv');
    fs.writeFileSync(
      newer,
      [
        'subject,content,category',
        '补课费,学校老师办补习班收取补课费,教育文体',
        '讨薪,老板拖欠工资不支付,劳动和社会保障',
        '排污,工厂偷排污水，河道发臭,环境保护',
        '出租车,出租车拒载绕路,交通运输',
        ',,环境保护',
      ].join('\n'),
    );
    const review = path.join(dir, 'review.csv');
    const columns = ['--text', 'subject,content', '--label', 'category'];
    const tested = await xinfang(['classify', 'test', '--input', newer, ...columns, '--errors', review]);
    expect(tested.code, tested.err).toBe(0);
    const report = JSON.parse(tested.out.trim().split('\n').at(-1) as string);
    expect(report).toMatchObject({ modelVersion: 1, rows: 4, unknownLabels: { 交通运输: 1 } });
    expect(report.perLabel.教育文体.recall).toBe(1);
    expect(report.perLabel.交通运输.f1).toBe(0);
    expect(tested.err).toContain('模型 / model: v1；4 件事项 / rows（1 行缺类别或文字，未计 / skipped）');
    expect(tested.err).toContain(
      '模型不认识这些类别，其事项无法分对 / labels the model cannot suggest: 交通运输 1 件',
    );
    // The taxi matter is row 4 of the file, wrong whatever the model says, and listed with its text.
    const reviewLines = fs
      .readFileSync(review, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(reviewLines[0]).toBe('行号,类别,建议,概率,正确类别的名次,内容');
    expect(reviewLines.some((l) => /^4,交通运输,[^,]+,0\.\d{3},,出租车。出租车拒载绕路$/.test(l))).toBe(true);
    const second = await xinfang(['classify', 'test', '--input', newer, ...columns, '--version', '2']);
    expect(JSON.parse(second.out.trim().split('\n').at(-1) as string).modelVersion).toBe(2);
    const missing = await xinfang(['classify', 'test', '--input', newer, ...columns, '--version', '9']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('没有版本 9 / no stored version 9');

    // The platform's dictionary has no second or third levels here: naming it is an error.
    const empty = await xinfang(['classify', 'eval', '--taxonomy', 'dictionary', '--folds', '2', ...common]);
    expect(empty.code).not.toBe(0);
    expect(empty.err).toContain('分类词典没有二、三级分类');
  }, 120_000);
});
