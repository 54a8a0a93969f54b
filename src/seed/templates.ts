// Subjects and contents of synthetic petitions, per first-level content category. Each template is
// 'subject|content' with placeholders filled from the place lists in catalog.ts. No real people:
// persons appear only as a surname + 某.
import { COMPANIES, ESTATES, HOSPITALS, ROADS, SCHOOLS, SURNAMES } from './catalog.ts';
import type { Rng } from './random.ts';

const T: Record<string, readonly string[]> = {
  '010000': [
    '{estate}小区物业费上涨问题|{estate}小区物业公司未经业主大会同意，从{month}月起将物业费上调{pct}%，业主多次协商无果，请有关部门核查。',
    '{estate}{n}号楼电梯长期故障|{estate}{n}号楼电梯已停运{months}个月，物业以维修资金未到位为由不维修，老人上下楼困难，请求协调解决。',
    '{road}沿线老旧小区改造进度缓慢|{town}{road}沿线老旧小区改造工程去年开工，至今道路开挖未恢复，雨天积水严重，请求督促施工单位加快进度。',
    '{estate}商品房逾期交付|本人购买的{company}开发的{estate}商品房，合同约定交房已逾期{months}个月，开发商一再拖延，请求相关部门督促交房。',
    '房屋征收补偿标准不公|{town}{road}片区房屋征收，本户补偿标准明显低于相邻地块，评估过程未公开，请求依法重新评估。',
  ],
  '020000': [
    '拖欠农民工工资|本人在{company}承建的{town}工地务工，工程已完工{months}个月，包工头{surname}某仍拖欠工资{amount}元，请求帮助追讨。',
    '企业未依法缴纳社会保险|本人在{company}工作{n}年，公司一直未为职工缴纳养老和医疗保险，请求劳动保障部门查处。',
    '工伤认定迟迟未办理|本人在{company}上班时受伤，申请工伤认定已{months}个月没有结果，请求加快办理。',
    '退休待遇核定有误|本人今年退休，核定的养老金计算时漏算了{n}年视同缴费年限，请求复核。',
  ],
  '030000': [
    '土地流转租金未兑现|{town}{village}村集体流转的承包地租金已拖欠{n}年，涉及农户{people}户，请求督促兑现。',
    '农业补贴发放不到位|{town}{village}村今年的耕地地力保护补贴至今未发放到户，请求核查。',
    '{village}村集体资产处置不公开|{town}{village}村将集体厂房出租给{company}，租金和合同从未公开，村民要求公开账目。',
  ],
  '040000': [
    '宅基地确权纠纷|{town}{village}村重新丈量宅基地时把我家面积少算了{n}平方米，多次反映未解决，请求依法确权。',
    '征地补偿款分配不公|{town}{village}村征地补偿款分配方案未经集体经济组织成员讨论，外嫁女未分到补偿，请求依法处理。',
    '违法占用耕地建房|{town}{village}村有人在基本农田上建厂房，面积约{n}亩，请求自然资源部门查处。',
  ],
  '050000': [
    '医保报销比例与宣传不一致|本人在{hospital}住院后报销，比例与政策宣传不一致，差额{amount}元，请求核实。',
    '对{hospital}诊疗过程有异议|家属在{hospital}治疗期间病情加重，认为存在过错，请求卫健部门组织调查。',
  ],
  '060000': [
    '孩子入学划片问题|我家房产在{estate}，属于{school}学区，但孩子被分到较远的学校，请求说明划片依据。',
    '校外培训机构退费难|在{company}为孩子报了培训课程，机构停课后拒不退费{amount}元，请求协调处理。',
    '学校收取不合理费用|{school}以资料费名义每学期向学生收费{amount}元，家长认为不合理，请求核查。',
  ],
  '070000': [
    '低保资格认定|家中老人长期患病，申请低保被{town}审核拒绝，认为审核不公，请求复核。',
    '养老服务补贴未发放|本人年满{age}周岁，符合高龄津贴条件，但{months}个月未收到补贴，请求核查。',
  ],
  '080000': [
    '邻里纠纷报警未处理|{estate}邻居{surname}某多次辱骂威胁，报警后未见处理结果，请求依法处理。',
    '借款纠纷执行难|本人与{surname}某借款纠纷已判决，对方拒不履行{amount}元，请求加快执行。',
    '电信诈骗案件进展|本人被骗{amount}元，已在派出所报案{months}个月，请求告知侦办进展。',
  ],
  '090000': [
    '预付卡商家跑路|{company}办卡后突然关门，老板{surname}某联系不上，涉及会员{people}人，请求市场监管部门处理。',
    '企业欠款不还影响经营|{company}拖欠本公司货款{amount}元，多次催要无果，请求帮助协调。',
  ],
  '100000': [
    '公交线路调整不便|{road}公交线路调整后{estate}附近没有站点，老人出行困难，建议恢复原站点。',
    '道路施工长期封闭|{town}{road}封闭施工已{months}个月，未设置便道，居民出行困难，请求加快施工。',
  ],
  '110000': [
    '旅游团强制购物|参加{company}组织的旅游团，导游强制购物，消费{amount}元，请求查处。',
    '农贸市场摊位费上涨|{town}农贸市场摊位费一次上涨{pct}%，商户难以承受，请求核查收费依据。',
  ],
  '120000': [
    '网络宽带安装收费不合理|{estate}小区宽带只能由一家运营商安装，收费{amount}元，请求规范。',
    '手机信号差|{town}{village}村手机信号长期很差，请求增设基站。',
  ],
  '130000': [
    '夜间施工噪音扰民|{road}附近工地每天夜里施工到凌晨，噪音严重影响{estate}居民休息，希望依法查处。',
    '企业排放异味|{company}夜间排放刺鼻气体，{town}居民多次反映，请求生态环境部门检测处理。',
    '河道污染|{town}{village}村河道有企业偷排污水，河水发黑发臭，请求查处。',
  ],
  '140000': [
    '政务服务窗口办事难|在{town}便民服务中心办理证明，{n}次往返仍未办成，请求改进服务。',
    '政府信息公开申请未答复|本人向{town}申请公开征收相关文件，超过期限未答复，请求督促。',
    '事业单位招聘程序不规范|{county}事业单位招聘中，面试成绩未公示，请求核查招聘程序。',
  ],
  '160000': [
    '{village}村干部低保评定优亲厚友|{town}{village}村干部{surname}某在低保评定中优亲厚友，请求调查。',
    '反映工作人员吃拿卡要|{town}某站所工作人员办事索要好处，请求纪检部门调查。',
  ],
  '990000': [
    '占道经营影响通行|{road}十字路口长期有摊贩占道经营，影响交通和环境卫生，请求整治。',
    '建议增设便民设施|建议在{estate}附近增设公共厕所和休息座椅，方便老人和游客。',
  ],
};

/** The category codes with templates (a domain test checks they are the catalogue's). */
export const TEMPLATE_CODES: readonly string[] = Object.keys(T);

const VILLAGES = '新庄 王庄 李桥 张湾 前进 红星 长丰 东河 西岗 杨柳 南圩 北塘 三星 永安 团结'.split(' ');

export interface Place {
  county: string;
  towns: readonly string[];
}

/** Subject and content for a category, with places of the county; `town` is the one they name. */
export function petitionText(
  rng: Rng,
  categoryCode: string,
  place: Place,
): { subject: string; content: string; town: string } {
  const list = T[categoryCode] ?? T['990000'] ?? [];
  const [subject = '', content = ''] = rng.pick(list).split('|');
  const town = place.towns.length ? rng.pick(place.towns) : place.county;
  const values: Record<string, () => string> = {
    estate: () => rng.pick(ESTATES),
    road: () => rng.pick(ROADS),
    company: () => rng.pick(COMPANIES),
    school: () => place.county + rng.pick(SCHOOLS),
    hospital: () => place.county + rng.pick(HOSPITALS),
    surname: () => rng.pick(SURNAMES),
    town: () => town,
    county: () => place.county,
    village: () => rng.pick(VILLAGES),
    n: () => String(rng.int(2, 18)),
    month: () => String(rng.int(1, 12)),
    months: () => String(rng.int(2, 14)),
    pct: () => String(rng.int(10, 60)),
    people: () => String(rng.int(12, 300)),
    age: () => String(rng.int(80, 95)),
    amount: () => String(rng.int(8, 600) * 100),
  };
  // One value per placeholder and petition, so the subject and the content name the same places.
  const chosen = new Map<string, string>();
  const fill = (s: string) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      let v = chosen.get(k);
      if (v === undefined) {
        v = values[k]?.() ?? k;
        chosen.set(k, v);
      }
      return v;
    });
  // The subject names the place when it does not already, so subjects vary between cases.
  const subj = fill(subject);
  return { subject: subj.includes(town) ? subj : `${town}${subj}`, content: fill(content), town };
}
