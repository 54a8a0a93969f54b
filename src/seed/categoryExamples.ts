// The demo's 二、三级分类: a short example tree, written for this project (the official tree is not
// shipped: the only copy we have carries no licence), loaded by the province administrator's own
// import (src/categories/import.ts) so that 管理 → 分类, 细分类 on a case page, the registration
// form and the search's category tree have something to show on first start. A province replaces
// it by loading its official tree; names it shares keep their codes. Does nothing when the
// dictionary has entries already or the demo administrator is missing.
import { importTree } from '../categories/import.ts';
import { currentVersion } from '../categories/queries.ts';
import type { AppContext } from '../context.ts';
import { demoActor } from './linkage.ts';

/** 一级分类 → 二级分类 → 三级分类 (an empty list: a second level without third levels). */
const EXAMPLE_TREE: Record<string, Record<string, string[]>> = {
  城乡建设: {
    住房保障: ['公租房分配', '棚户区改造', '住房补贴'],
    物业管理: ['物业服务质量', '物业收费', '住宅专项维修资金'],
    房地产市场: ['商品房质量', '逾期交房', '办证难'],
    城市管理: ['违法建设', '占道经营', '市容环境卫生'],
    房屋征收: ['征收补偿', '安置房建设'],
  },
  劳动和社会保障: {
    劳动关系: ['拖欠工资', '劳动合同', '工伤认定'],
    社会保险: ['养老保险', '医疗保险', '失业保险'],
    就业创业: [],
  },
  环境保护: {
    大气污染: ['工业废气', '餐饮油烟', '扬尘'],
    噪声污染: ['施工噪声', '社会生活噪声'],
    水污染: [],
  },
  教育文体: {
    入学招生: ['学区划分', '随迁子女入学'],
    教育收费: ['校外培训收费', '学校代收费'],
    教师待遇: [],
  },
  卫生计生: {
    医疗服务: ['医疗纠纷', '医疗收费'],
    食品药品安全: [],
  },
  交通运输: {
    公共交通: ['公交线路', '出租车与网约车'],
    道路建设与养护: [],
  },
  商贸旅游: {
    消费维权: ['预付卡', '商品质量'],
    旅游市场: [],
  },
};

const exampleCsv = (): string => {
  const lines = ['一级分类,二级分类,三级分类'];
  for (const [first, seconds] of Object.entries(EXAMPLE_TREE))
    for (const [second, thirds] of Object.entries(seconds))
      if (thirds.length === 0) lines.push(`${first},${second},`);
      else for (const third of thirds) lines.push(`${first},${second},${third}`);
  return lines.join('\n');
};

/** Loads the example tree; the number of entries added (0 when the dictionary has some already). */
export async function seedCategoryExamples(ctx: AppContext): Promise<number> {
  if ((await currentVersion(ctx.db)) > 0) return 0;
  const admin = await demoActor(ctx, 'admin');
  if (!admin) return 0;
  const done = await importTree(ctx, admin, exampleCsv(), { dryRun: false });
  return done.entries.length;
}
