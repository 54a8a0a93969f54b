// A hotspot is what an analyst means by one (issue 21): the same place and the same matter however
// worded, filed at the county or at the city, a complaint and its follow-up — one hotspot, with
// the evidence for each merge; the same estate's other matter, or the same matter at another
// estate or platform, another hotspot.
import { describe, expect, it } from 'vitest';
import { clusterMessages, type HotspotMessage } from '../../src/hotspots/cluster.ts';

let n = 0;
const at = (d: number) => new Date(Date.UTC(2026, 9, d, 2));
const msg = (text: string, petitioner: string, place: string | undefined, day: number): HotspotMessage => ({
  id: ++n,
  text,
  place,
  petitioner,
  at: at(day),
});

/** Messages that are about nothing above, so that the batch is not only the problems tested. */
const background = [
  '孩子入学问题。我家孩子今年满六岁，户口在外地，想咨询在本地上小学需要哪些材料。',
  '医保报销比例咨询。我母亲在市第一医院住院，想知道异地就医的医保报销比例是多少。',
  '养老保险补缴。本人1975年出生，中断缴纳养老保险五年，现在能否补缴。',
  '公交线路调整建议。建议增加从火车站到高新区的公交班次，早高峰太挤。',
  '退役军人优待证办理。请问退役军人优待证在哪个窗口办理，带什么证件。',
  '公积金贷款额度。请问双职工公积金贷款最高能贷多少万元。',
  '驾驶证换证。我的驾驶证下个月到期，换证体检在哪家医院做。',
  '路灯不亮。我们村口的路灯坏了半年了，晚上出行很不方便。',
].map((t, i) => msg(t, `bg${i}`, '320106', 3 + i));

const clusterOf = (out: ReturnType<typeof clusterMessages>, id: string | number) =>
  out.find((c) => c.ids.includes(id));

describe('one problem, however worded and wherever filed', () => {
  const full = [
    '伊景园滨河苑捆绑销售车位。开发商要求购买伊景园滨河苑的职工每户捆绑购买12万元的车位，不买车位就取消购房资格。',
    '投诉伊景园滨河苑捆绑销售车位。伊景园滨河苑定向商品房捆绑销售车位，违反国家规定，请求查处。',
    '伊景园滨河苑车位捆绑销售是否合法。购买伊景园滨河苑必须捆绑车位，职工苦不堪言。',
    '坚决反对伊景园滨河苑捆绑销售车位。伊景园滨河苑开发商捆绑销售车位，我们不需要车位。',
    '伊景园滨河苑违规捆绑车位。伊景园滨河苑售房时捆绑销售车位，恶意抬高房价。',
  ].map((t, i) => msg(t, `f${i}`, '320106', 10 + i));
  // Filed at the city, naming the estate in part, and worded as forced buying.
  const partial = [
    '滨河苑强制购买车位。滨河苑开发商强制职工购买车位，每个车位12万元，不买就不签购房合同。',
    '反映滨河苑强迫业主买车位。滨河苑楼盘要求买房必须买车位，车位价格太高，请政府制止。',
    '滨河苑强行要求购买车位。滨河苑不买车位就取消购房资格，职工买不起车位。',
  ].map((t, i) => msg(t, `p${i}`, '320100', 16 + i));
  const out = clusterMessages([...full, ...background, ...partial]);

  it('puts the full and the partial name, at county and city, into one hotspot', () => {
    const hot = clusterOf(out, full[0]?.id as number);
    expect(hot?.ids.sort()).toEqual([...full, ...partial].map((m) => m.id).sort());
    expect(hot?.place).toBe('320106');
    // The reading most messages use: the full name, or its tail when the tail is as common.
    expect(hot?.finePlace).toMatch(/滨河苑$/);
    expect(hot?.petitioners).toBe(8);
  });

  it('shows why each part was merged: the place both name and the matter they share', () => {
    const hot = clusterOf(out, full[0]?.id as number);
    const merged = hot?.merges.flatMap((m) => m.ids) ?? [];
    expect(merged.length).toBeGreaterThan(0);
    for (const m of hot?.merges ?? []) {
      expect(['place', 'matter', 'name', 'follow_up']).toContain(m.reason);
      expect(m.ids.length).toBeGreaterThan(0);
      expect(m.similarity).toBeGreaterThan(0);
    }
    const partialMerge = hot?.merges.find((m) => m.ids.includes(partial[0]?.id as number));
    expect(partialMerge?.reason).toBe('place');
    expect(partialMerge?.place).toMatch(/滨河苑$/);
    expect(partialMerge?.shared).toEqual(expect.arrayContaining(['车位']));
  });

  it('keeps the background out', () => {
    for (const m of background) expect(clusterOf(out, m.id as number)).toBeUndefined();
  });
});

describe('a complaint and its follow-up', () => {
  const first = [
    '凉塘路旧城改造何时启动。2017年凉塘路居民按旧城改造指挥部通知开始改造，一个月后被叫停，至今两年没有动工。',
    '凉塘路旧城改造要拖到何时。凉塘路的旧城改造两年前停工后再无音讯，其他楼栋都已改造完成。',
    '请问凉塘路旧城改造什么时候动工。凉塘路几排房子旧城改造停工两年，居民等得心急。',
  ].map((t, i) => msg(t, `l${i}`, '320106', 5 + i));
  // The first petitioner again, a month later, briefly and without the road's name.
  const text = '追问上月留言。我家房子加层改造被叫停的事至今没人答复，请给个说法。';
  const followUp = msg(text, 'l0', '320106', 25);
  const stranger = msg(text, 'zz', '320106', 25);

  it('joins the follow-up to the complaint, as a follow-up', () => {
    const hot = clusterOf(clusterMessages([...first, ...background, followUp]), first[0]?.id as number);
    expect(hot?.ids).toContain(followUp.id);
    expect(hot?.petitioners).toBe(3);
    const merge = hot?.merges.find((m) => m.ids.includes(followUp.id));
    expect(merge?.reason).toBe('follow_up');
  });

  it('does not join the same words from someone else', () => {
    const hot = clusterOf(clusterMessages([...first, ...background, stranger]), first[0]?.id as number);
    expect(hot?.ids).not.toContain(stranger.id);
  });
});

describe('what stays apart', () => {
  it('the same estate with another matter is another hotspot', () => {
    const plant = [
      '丽发新城附近搅拌站噪音扰民。丽发新城小区旁建了搅拌站，机器日夜轰鸣，粉尘满天。',
      '投诉丽发新城搅拌站。丽发新城小区附近搅拌站噪音大，灰尘大，请求搬离。',
      '丽发新城小区旁搅拌站严重扰民。搅拌站离丽发新城不到百米，噪音和扬尘污染严重。',
      '丽发新城搅拌厂污染环境。丽发新城附近修建搅拌厂，居民无法休息，粉尘进屋。',
    ].map((t, i) => msg(t, `m${i}`, '320106', 4 + i));
    const road = [
      '丽发新城小区道路坑坑洼洼。丽发新城一期与二期中间的道路坑坑洼洼，下雨一身泥，天晴扬尘。',
      '丽发新城中间的道路什么时候修好。丽发新城二期和三期中间的道路五年没有铺沥青，坑洼不平。',
      '丽发新城小区路面破损。丽发新城的道路至今没铺沥青，坑坑洼洼，出行不便。',
    ].map((t, i) => msg(t, `r${i}`, '320106', 12 + i));
    const out = clusterMessages([...plant, ...background, ...road]);
    const a = clusterOf(out, plant[0]?.id as number);
    const b = clusterOf(out, road[0]?.id as number);
    expect(a?.ids.sort()).toEqual(plant.map((m) => m.id).sort());
    expect(b?.ids.sort()).toEqual(road.map((m) => m.id).sort());
  });

  it('one platform’s complaints, however worded, are one hotspot through its name', () => {
    const a = [
      '余易贷平台爆雷，出借人血本无归。余易贷宣布良性退出后实控人跑路，至今未兑付。',
      '请加快余易贷案件侦查。余易贷立案半年没有任何案情通报，受害人焦急万分。',
      '余易贷受害者生活艰难。我把积蓄都出借给余易贷，现在一家老小生活没有着落，请领导关注。',
      '余易贷实控人转移资产。余易贷幕后老板注销关联企业，请公安冻结资产。',
    ].map((t, i) => msg(t, `y${i}`, '320106', 3 + i));
    const hot = clusterOf(clusterMessages([...a, ...background]), a[1]?.id as number);
    expect(hot?.ids.sort()).toEqual(a.map((m) => m.id).sort());
    expect(hot?.merges.some((m) => m.reason === 'name' && m.place === '余易贷')).toBe(true);
  });

  it('a city policy asked about in many ways from two counties is one hotspot, by its subject', () => {
    // Subject line + content, as the message board and the registration form give them.
    const ask = (subject: string, body: string, p: string, place: string, day: number): HotspotMessage => ({
      ...msg(`${subject}。${body}`, p, place, day),
      subject,
    });
    const policy = [
      ask(
        '人才购房补贴申请被拒',
        '我是硕士研究生，去年落户后首次购房，人才购房补贴审核说单位注册地不符，请解释。',
        't0',
        '320106',
        3,
      ),
      ask(
        '人才购房补贴迟迟未发放',
        '公示通过已经三个月，人才购房补贴还没有到账，请问什么时候发放。',
        't1',
        '320104',
        4,
      ),
      ask(
        '咨询人才新政补贴条件',
        '高级技师是否可以申请人才补贴，社保需要在本单位缴纳满多久。',
        't2',
        '320106',
        5,
      ),
      ask(
        '夫妻共同购房能否申请人才补贴',
        '购房合同只写了爱人的名字，我申请人才补贴被退回，请问如何处理。',
        't3',
        '320105',
        6,
      ),
      ask(
        '人才补贴停发两个月',
        '人才新政的租房补贴已经两个月没发了，没有任何说明，等着交房租。',
        't4',
        '320104',
        7,
      ),
    ];
    // The same words about one estate's developer stay that estate's matter.
    const estate = ask(
      '金陵花园开发商拒办人才补贴材料',
      '金陵花园开发商不给购房者出具人才补贴需要的购房发票，拖了半年。',
      't5',
      '320102',
      8,
    );
    const out = clusterMessages([...policy, ...background, estate]);
    const hot = clusterOf(out, policy[0]?.id as number);
    expect(hot?.ids.sort()).toEqual(policy.map((m) => m.id).sort());
    // Not one county's: it is asked about from three.
    expect(hot?.place).toBe('320100');
    expect(hot?.merges.some((m) => m.reason === 'topic')).toBe(true);
    expect(hot?.ids).not.toContain(estate.id);
  });

  it('two counties never share a hotspot, even naming the same estate', () => {
    const texts = [
      '金陵花园物业费上涨。金陵花园物业公司擅自把物业费从1.2元涨到2元，业主不同意。',
      '金陵花园物业乱收费。金陵花园物业费突然上涨，服务却越来越差。',
      '投诉金陵花园物业费涨价。金陵花园物业费涨价未经业主大会表决。',
    ];
    const a = texts.map((t, i) => msg(t, `g${i}`, '320106', 5 + i));
    const b = texts.map((t, i) => msg(t, `q${i}`, '320104', 5 + i));
    const out = clusterMessages([...a, ...background, ...b]);
    expect(clusterOf(out, a[0]?.id as number)?.ids.sort()).toEqual(a.map((m) => m.id).sort());
    expect(clusterOf(out, b[0]?.id as number)?.ids.sort()).toEqual(b.map((m) => m.id).sort());
  });
});

describe('size, people, likes and dates', () => {
  it('sums likes and gives the first and last message', () => {
    const texts = [
      '魅力之城小区油烟扰民。魅力之城小区临街门面烧烤店油烟直排，深夜经营噪音扰民。',
      '魅力之城底层商铺油烟。魅力之城小区底层餐馆没有烟道，油烟飘进住户家里。',
      '魅力之城小区烧烤摊扰民。魅力之城小区楼下烧烤摊营业到凌晨，油烟和噪音让人无法入睡。',
    ];
    const ms = texts.map((t, i) => ({ ...msg(t, `k${i}`, '320106', 2 + 3 * i), likes: 10 * (i + 1) }));
    const hot = clusterOf(clusterMessages([...ms, ...background]), ms[0]?.id as number);
    expect(hot?.likes).toBe(60);
    expect(hot?.firstAt).toEqual(at(2));
    expect(hot?.lastAt).toEqual(at(8));
  });
});
