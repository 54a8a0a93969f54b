// 跨省协作: a matter involving another province gets a cooperation record with the counterpart
// petition bureau, the letters exchanged (协作函) and the outcome. The provinces are the 31 of the
// mainland other than Jiangsu (GB/T 2260 codes); the statuses and outcomes are tables.

export const COUNTERPART_PROVINCES: Record<string, string> = {
  '110000': '北京市',
  '120000': '天津市',
  '130000': '河北省',
  '140000': '山西省',
  '150000': '内蒙古自治区',
  '210000': '辽宁省',
  '220000': '吉林省',
  '230000': '黑龙江省',
  '310000': '上海市',
  '330000': '浙江省',
  '340000': '安徽省',
  '350000': '福建省',
  '360000': '江西省',
  '370000': '山东省',
  '410000': '河南省',
  '420000': '湖北省',
  '430000': '湖南省',
  '440000': '广东省',
  '450000': '广西壮族自治区',
  '460000': '海南省',
  '500000': '重庆市',
  '510000': '四川省',
  '520000': '贵州省',
  '530000': '云南省',
  '540000': '西藏自治区',
  '610000': '陕西省',
  '620000': '甘肃省',
  '630000': '青海省',
  '640000': '宁夏回族自治区',
  '650000': '新疆维吾尔自治区',
};

export const LETTER_DIRECTIONS = ['out', 'in'] as const;
export type LetterDirection = (typeof LETTER_DIRECTIONS)[number];
export const LETTER_DIRECTION_NAMES: Record<LetterDirection, string> = { out: '发函', in: '来函' };

export const COOPERATION_STATUSES = ['open', 'closed'] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];
export const COOPERATION_STATUS_NAMES: Record<CooperationStatus, string> = {
  open: '协作中',
  closed: '已结束',
};

export const COOPERATION_OUTCOMES = ['resolved', 'transferred', 'stabilised', 'unresolved'] as const;
export type CooperationOutcome = (typeof COOPERATION_OUTCOMES)[number];
export const COOPERATION_OUTCOME_NAMES: Record<CooperationOutcome, string> = {
  resolved: '协作化解',
  transferred: '移交对方属地办理',
  stabilised: '稳控到位',
  unresolved: '未能化解',
};

export interface CooperationLetter {
  date: string;
  direction: LetterDirection;
  /** 文号 of the letter, if any. */
  reference: string | null;
  summary: string;
  recordedBy: string | null;
  recordedAt: string;
}
