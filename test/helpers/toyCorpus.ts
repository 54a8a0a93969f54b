// A toy routing corpus for the classifier's unit tests: three labels, five short texts each, that
// a linear model on character n-grams separates.
export const TOY: [string, string][] = [
  ['学校老师乱收补课费', '教育'],
  ['幼儿园学费太高', '教育'],
  ['中学学生课业负担重', '教育'],
  ['小学招生划片不合理', '教育'],
  ['老师体罚学生', '教育'],
  ['公司拖欠工资三个月', '劳动'],
  ['单位不交社保', '劳动'],
  ['工伤认定太慢', '劳动'],
  ['退休金发放不足', '劳动'],
  ['农民工工资被拖欠', '劳动'],
  ['工厂排放废气污染', '环境'],
  ['夜间噪音扰民', '环境'],
  ['河道污水偷排', '环境'],
  ['养殖场臭味熏天', '环境'],
  ['工地扬尘污染严重', '环境'],
];
