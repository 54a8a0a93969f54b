// What makes two petitions "the same matter" and "the same place" for hotspots (热点问题), as
// tables and plain functions (src/hotspots/ uses them).
//
// Matters: petitioners word one complaint many ways — 捆绑销售车位, 强制购买车位, 买房必须买车位;
// 噪音, 噪声, 太吵; 粉尘, 扬尘, 灰尘. Each row names a matter and the phrases that express it; a
// message gets the matter as a feature once, whatever its wording, so two wordings of one complaint
// share it. Rows are petition vocabulary, not names of any estate or company: the list is about
// how people complain, so it carries over to any place.
//
// Places: an estate is named in full or in part (伊景园滨河苑, 滨河苑; 丽发新城小区, 丽发新城).
// `placeKey` drops a generic tail (小区, 社区) so both readings give one key; src/hotspots/places.ts
// resolves partial names against the full ones seen in the same batch.

export interface MatterRow {
  /** The matter's name, used as the feature (m:NAME) and shown as evidence. */
  matter: string;
  /** Phrases, as a regular expression over normalised text (NFKC, lower case). */
  pattern: RegExp;
}

export const HOTSPOT_MATTERS: readonly MatterRow[] = [
  // Tie-in sales: a flat only with a parking space, a deposit, a decoration package.
  {
    matter: '捆绑销售',
    pattern:
      /捆绑|绑定(销售|出售|购买|车位)|搭售|强买强卖|(强制|强迫|强行|逼迫|必须|一对一)[^，。！？]{0,6}(购买|买|认购)[^，。！？]{0,4}车位/u,
  },
  { matter: '噪音扰民', pattern: /噪音|噪声|吵闹|太吵|吵得|嘈杂|轰鸣|扰民|分贝/u },
  { matter: '油烟', pattern: /油烟|排烟|烟道|烟囱|烧烤/u },
  { matter: '粉尘', pattern: /粉尘|扬尘|灰尘|尘土|烟尘|飞尘/u },
  { matter: '搅拌站', pattern: /搅拌(站|厂)|混凝土站|水泥厂/u },
  { matter: '夜间施工', pattern: /(夜间|深夜|通宵|半夜|凌晨|晚上)[^，。！？]{0,6}(施工|作业|开工)/u },
  { matter: '房屋开裂', pattern: /开裂|裂缝|裂纹|沉降/u },
  { matter: '渗漏', pattern: /渗水|漏水|渗漏/u },
  { matter: '停水', pattern: /停水|断水|没水|水压/u },
  { matter: '停电', pattern: /停电|断电|跳闸/u },
  { matter: '高压线', pattern: /高压(线|电线|电缆|线塔|铁塔)|架空线|\d+\s*kv|千伏|万伏/u },
  { matter: '变电站', pattern: /变电站|变电所|电站/u },
  { matter: '垃圾站', pattern: /垃圾(站|楼|中转站|转运站)/u },
  { matter: '违章建筑', pattern: /违建|违章(搭建|建筑)|违规搭建|私搭乱建|乱搭乱建|违法建设/u },
  { matter: '住改商', pattern: /住改商|商住两用/u },
  { matter: '网贷平台', pattern: /p2p|网贷|出借人|爆雷|良性退出|恶性退出|清盘|兑付/u },
  { matter: '案件进展', pattern: /立案|经侦|案情|办案|侦查/u },
  { matter: '入学学位', pattern: /学位|入学|就读|划片|招生/u },
  { matter: '幼儿园', pattern: /幼儿园|入园/u },
  { matter: '强制实习', pattern: /实习|实训|社会实践|(外出|进厂|工厂)[^，。！？]{0,4}(打工|工作)/u },
  { matter: '房屋质量', pattern: /质量问题|房屋质量|偷工减料|豆腐渣|空鼓|露钢/u },
  { matter: '面积缩水', pattern: /面积缩水|公摊/u },
  { matter: '虚假宣传', pattern: /虚假(宣传|招商)|欺诈|误导/u },
  { matter: '消防隐患', pattern: /消防(通道|安全|隐患|设施|许可|验收|证)/u },
  { matter: '拆迁安置', pattern: /拆迁|征收|安置(房|小区)/u },
  { matter: '旧城改造', pattern: /旧城改造|棚改|棚户区|老旧小区改造|提质改造/u },
  { matter: '道路未通', pattern: /断头路|拉通|停工|烂尾|迟迟不(修|建|开工)/u },
  { matter: '路面破损', pattern: /坑坑洼洼|坑洼|路面破损|破损不堪|一身泥|下雨泥|没铺|铺沥青/u },
  { matter: '路灯照明', pattern: /路灯|高杆灯|照明/u },
  { matter: '房产证', pattern: /房产证|不动产(权)?证|产权证|办证/u },
];

/** The matters a text expresses, each once, in table order. */
export function mattersOf(text: string): string[] {
  return HOTSPOT_MATTERS.filter((m) => m.pattern.test(text)).map((m) => m.matter);
}

/** Tails that say "an estate" or "a community", not which one: 丽发新城小区 is 丽发新城. */
const GENERIC_TAIL = /(小区|社区)$/u;

/**
 * Words before a place suffix that make a common noun or a phrase, not a name: 铁路, 线路, 马路
 * and 道路 are not roads one can visit, 安置小区 and 住宅小区 are kinds of estate, and whatever
 * ends in 老旧 (长江路沿线老旧小区) says how old, not which estate.
 */
export const NOT_A_PLACE =
  /^(安置|住宅|居民|商品房?|老旧|新建|大型|高档|周边|附近|两个|几个|其他|其它|部分|整个|同一|本|该|这个|那个|这条|一条|各个|城中|农村|城镇|城市|全体|当地|现在|目前|导致|进入|进出|使得|造成|影响了?|因为|但是|占用|距|公办|民办|私立|一所|这所|该所|重点|普通|附属|三甲|综合|人民|市属|区属|县属|省属|专科|职业|城市公|街头|湿地|森林|主题|口袋|社区公)(小区|社区|村|路|街|学院|大学|中学|小学|医院|公园|大厦)?$|老旧(小区|社区)?$|(铁|线|马|道|公|之|无|出|思|套|网|电|水泥|泥巴|十字|交叉|快速|高速|城际|跑|走|修|过|带|让|绕|迷|问|开|堵|挡|引)路$/u;

/** Characters of sentences, not of names (幼儿园在我村, 有业委会的小区, 我是颐和南苑). */
const FUNCTION_CHARS = /[的我你他她们在对了是就都要说把被让给从向到与及]/u;

/**
 * The key of a fine-place name: without a generic tail when at least three characters remain
 * (丽发新城小区 → 丽发新城, 中海国际社区 → 中海国际; 睿城小区 stays), or null when the name is a
 * common noun (铁路, 安置小区).
 */
export function placeKey(name: string): string | null {
  if (NOT_A_PLACE.test(name) || FUNCTION_CHARS.test(name)) return null;
  // A reading can start inside the division before the name (西湖街道茶场村 read as 湖街道茶场村):
  // the name is what follows the division.
  const cut = name.match(DIVISION_BEFORE);
  const named = cut ? name.slice((cut.index as number) + cut[0].length) : name;
  const bare = named.replace(GENERIC_TAIL, '');
  return [...bare].length >= 3 ? bare : named;
}

/** The last 街道, 镇, 乡 or 省 with at least three characters after it. */
const DIVISION_BEFORE = /^.*(街道|镇|乡|省)(?=\p{Script=Han}{3})/u;

/**
 * Whether two place keys name the same place: equal, or one is the other's tail of at least three
 * characters (滨河苑 in 伊景园滨河苑) — a shorter tail (河苑) could be any estate.
 */
export function samePlaceName(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return [...short].length >= 3 && long.endsWith(short);
}

/** A road or street (long, many matters along it), not an estate, village or community. */
export const isRoadName = (key: string): boolean => /(路|街|大道)$/u.test(key);

const stems = new Map<string, string>();
/** A region code without its trailing 00 pairs (320100 → 3201); other names as they are. */
function codeStem(code: string): string {
  let s = stems.get(code);
  if (s === undefined) {
    s = /^\d{6,}$/.test(code) ? code.replace(/(00)+$/, '') : code;
    if (stems.size < 10_000) stems.set(code, s);
  }
  return s;
}

/**
 * Whether two coarse places (county codes, or names when codes are unknown) may hold one problem:
 * the same, one unknown, or one inside the other (a city-level code and a county of that city).
 * Siblings never do: the same complaint in two counties is two problems for two local offices.
 */
export function placesCompatible(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a === b) return true;
  const [sa, sb] = [codeStem(a), codeStem(b)];
  if (sa === a && sb === b) return false;
  return (sa !== a && b.startsWith(sa)) || (sb !== b && a.startsWith(sb));
}

/**
 * The place two sibling coarse places share (320102 and 320104 → 320100, their city), for a
 * problem that is not local (a city's policy asked about from two counties); undefined for names.
 */
export function commonPlace(a: string, b: string): string | undefined {
  if (!/^\d{6,}$/.test(a) || !/^\d{6,}$/.test(b)) return undefined;
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  k -= k % 2;
  return k >= 2 ? a.slice(0, k).padEnd(a.length, '0') : undefined;
}
