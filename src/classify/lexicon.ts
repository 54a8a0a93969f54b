// The default content-category classifier of a fresh install: a keyword lexicon for the 15 suggested
// first-level categories of src/domain/categories.ts (the official content classification), written
// for this project from domain knowledge (not copied from any data set). It serves until `xinfang classify train`
// stores a model learnt from the bureau's own cases. Scores: every keyword found counts once per
// occurrence (at most 3), words of three or more characters count 1.5, hits in the subject twice;
// probabilities are a softmax with an "unsure" mass, so a text with no keyword gets about 1/18 for
// each category and the confidence rises with the evidence. They are not calibrated on data.
import { SUGGESTED_CATEGORIES, type SuggestedCategoryName } from '../domain/categories.ts';
import type { Classifier, Prediction } from './model.ts';

/** The lexicon's labels: the names of the suggested categories of src/domain/categories.ts. */
export const LEXICON_LABELS: readonly SuggestedCategoryName[] = SUGGESTED_CATEGORIES.map((c) => c.name);
type Category = SuggestedCategoryName;

const split = (s: string) => s.split(/\s+/).filter(Boolean);

export const LEXICON: Record<Category, readonly string[]> = {
  城乡建设: split(`
    物业 物业费 物业公司 小区 业主 业委会 停车位 车位 住房 房屋 房产 商品房 购房 开发商 交房 延期交房
    房产证 烂尾 违章建筑 违建 私搭乱建 拆迁 棚户区 棚改 安置房 保障房 公租房 廉租房 老旧小区 电梯
    加装电梯 维修基金 供水 停水 自来水 停电 燃气 天然气 供暖 暖气 市政 路灯 下水道 排水 积水 井盖
    绿化 工地 施工 渣土 城管 占道经营 装修 房租 租房 建筑质量 安全隐患`),
  党务政务: split(`
    党员 党组织 党支部 党建 党费 政务公开 信息公开 政务服务 办事效率 行政审批 审批 办事窗口 推诿
    不作为 工作作风 服务态度 热线 机构改革 公务员 事业单位 干部 人大代表 政协委员 网上办事 办事难
    开具证明 政府网站 会议 文件 红头文件 宣传`),
  国土资源: split(`
    土地 宅基地 征地 土地征收 征地补偿 土地补偿 国土 自然资源 规划 用地 建设用地 耕地 占用耕地
    基本农田 土地确权 确权 不动产登记 不动产证 土地证 矿山 采矿 非法采矿 采砂 河砂 地质灾害 测绘
    土地出让 闲置土地 林地 山林 违法占地 土地纠纷 容积率`),
  环境保护: split(`
    污染 环境污染 噪音 噪声 扰民 废气 排放 偷排 废水 污水 臭味 异味 恶臭 粉尘 扬尘 油烟 焚烧
    空气质量 水质 河道 黑臭 环评 环保 生态 化工厂 辐射 固体废物 危险废物 危废 排污 搅拌站 垃圾填埋
    砂石厂 死鱼 水源地 夜间施工`),
  纪检监察: split(`
    贪污 受贿 行贿 腐败 挪用 截留 套取 侵占 公款 违纪 违法乱纪 纪委 监委 纪检 吃拿卡要 以权谋私
    滥用职权 玩忽职守 公车私用 大吃大喝 四风 优亲厚友 村支书 村干部 权钱交易 利益输送 虚报冒领
    中饱私囊 收受红包 吃空饷 打击报复`),
  交通运输: split(`
    公交 公交车 公交线路 公交站 站台 出租车 网约车 的士 客运 班车 驾校 驾照 公路 高速 高速公路
    收费站 交通 拥堵 堵车 红绿灯 信号灯 货车 超载 超限 地铁 高铁 火车 动车 航班 机场 运输 物流
    乘客 司机 修路 桥梁 摩托车 电动车 共享单车 车票 线路 道路`),
  经济管理: split(`
    企业 营商环境 民营企业 招商引资 非法集资 集资 金融 银行 贷款 理财 投资 网贷 股权 债务 工程款
    税务 发票 纳税 个税 税收 财政 物价 价格 涨价 国企 国有企业 改制 统计 审计 保险公司 信用卡
    催收 融资 担保公司 小额贷款 破产`),
  科技与信息产业: split(`
    网络 宽带 网速 手机信号 信号差 移动公司 联通 电信 通信 基站 运营商 话费 流量 套餐 短信 骚扰电话
    互联网 软件 网站 信息化 大数据 5g 科技 高新技术 专利 知识产权 科研 光纤 电视信号 数字电视
    携号转网 扣费`),
  民政: split(`
    低保 五保 特困 救助 临时救助 养老院 敬老院 养老服务 高龄补贴 老年人 残疾人 残疾证 残疾 殡葬 墓地
    公墓 火化 婚姻登记 结婚登记 离婚 居委会 社区 社会组织 福利院 孤儿 留守儿童 流浪 乞讨 退役军人
    优抚 慈善 地名 门牌 困难家庭 孤寡老人`),
  农村农业: split(`
    农村 农民 村民 农田 农业 种植 养殖 养猪场 养殖场 农机 农产品 种子 化肥 农药 合作社 土地流转
    承包地 土地承包 惠农 粮食 粮补 种粮补贴 扶贫 精准扶贫 贫困户 脱贫 村集体 集体经济 水利 灌溉
    水库 渔业 畜牧 动物防疫 乡村振兴 美丽乡村 村组 村道 农户`),
  商贸旅游: split(`
    商场 超市 商家 消费者 消费 退款 退货 预付卡 会员卡 办卡 健身房 美容 假冒 伪劣 假货 售后 网购
    电商 旅游 景区 门票 导游 旅行社 酒店 宾馆 餐饮 饭店 菜市场 农贸市场 摊位 食品 食品安全 传销
    虚假宣传 价格欺诈 加油站 店铺 商铺 商户 经营 老年公寓`),
  卫生计生: split(`
    医院 医生 医疗 看病 就医 患者 病人 治疗 手术 医疗事故 医患 诊所 卫生院 药品 药店 疫苗 接种 防疫
    疫情 传染病 计划生育 计生 二孩 生育 独生子女 准生证 出生证明 护士 急诊 体检 公共卫生 卫生服务中心
    乡村医生 医药费 医德 病历 住院 莆田系`),
  政法: split(`
    公安 派出所 警察 民警 报警 治安 诈骗 盗窃 被盗 小偷 打架 殴打 打人 黑恶 扫黑除恶 赌博 涉黑 法院
    判决 强制执行 起诉 诉讼 律师 检察院 司法 法律援助 户口 户籍 身份证 落户 迁户 交警 交通事故 违章
    监狱 社区矫正 人民调解 消防 非法拘禁 人身安全 威胁`),
  教育文体: split(`
    学校 学生 老师 教师 教育 幼儿园 小学 初中 中学 高中 大学 学院 入学 招生 学位 学区 划片 转学 补课
    培训机构 课外辅导 学费 校车 班主任 考试 中考 高考 教材 作业 毕业 文化 体育 体育馆 图书馆 广场舞
    文物 网吧 校园 家长 教育局 职业学校`),
  劳动和社会保障: split(`
    工资 拖欠工资 欠薪 农民工 劳动合同 劳动仲裁 劳动纠纷 辞退 解雇 开除 加班 加班费 工伤 社保 社会保险
    养老保险 养老金 退休 退休金 退休工资 医保 医疗保险 失业 失业保险 失业金 生育保险 就业 招聘 人才
    职称 员工 职工 用人单位 试用期 五险一金 最低工资 劳务派遣 下岗 买断工龄 社保卡 人社`),
};

/** How strongly the "unsure" mass holds down the confidence (in units of one category). */
const UNSURE = 3;
const BETA = 1.2;

export class LexiconClassifier implements Classifier {
  readonly kind = 'lexicon' as const;
  readonly labels: readonly string[] = LEXICON_LABELS;

  /** Per category: [term, weight] found in the text. */
  hits(subject: string, content: string): Map<Category, Map<string, number>> {
    const s = subject.normalize('NFKC').toLowerCase();
    const c = content.normalize('NFKC').toLowerCase();
    const found = new Map<Category, Map<string, number>>();
    for (const cat of LEXICON_LABELS) {
      for (const term of LEXICON[cat]) {
        const n = Math.min(occurrences(s, term) * 2 + occurrences(c, term), 3);
        if (n === 0) continue;
        const w = n * ([...term].length >= 3 ? 1.5 : 1);
        let m = found.get(cat);
        if (!m) {
          m = new Map();
          found.set(cat, m);
        }
        m.set(term, w);
      }
    }
    return found;
  }

  /** The subject may be passed separately (its hits count double); `predict(text)` treats it all as content. */
  predictParts(subject: string, content: string, k = 3): Prediction {
    const hits = this.hits(subject, content);
    const scores = LEXICON_LABELS.map((cat) => {
      let s = 0;
      for (const w of hits.get(cat)?.values() ?? []) s += w;
      return s;
    });
    const max = Math.max(...scores);
    const e = scores.map((s) => Math.exp(BETA * (s - max)));
    const z = e.reduce((a, b) => a + b, 0) + UNSURE * Math.exp(-BETA * max);
    const order = LEXICON_LABELS.map((cat, i) => ({
      label: cat as string,
      probability: (e[i] as number) / z,
      i,
    }))
      .sort((a, b) => b.probability - a.probability || a.i - b.i)
      .slice(0, k);
    const best = order[0]?.label as Category;
    const why = [...(hits.get(best) ?? new Map<string, number>())]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([term, weight]) => ({ term, weight }));
    return { top: order.map(({ label, probability }) => ({ label, probability })), why };
  }

  predict(text: string, k = 3): Prediction {
    return this.predictParts('', text, k);
  }
}

function occurrences(text: string, term: string): number {
  let n = 0;
  for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) n++;
  return n;
}
