// The first-level content categories (内容分类) offered as suggestions when submitting. The server
// takes any code; the category decides nothing on its own (the bureau classifies on registration).
export const CATEGORIES: readonly { code: string; name: string }[] = [
  { code: '010000', name: '城乡建设' },
  { code: '020000', name: '劳动和社会保障' },
  { code: '030000', name: '农村农业' },
  { code: '040000', name: '国土资源' },
  { code: '050000', name: '卫生计生' },
  { code: '060000', name: '教育文体' },
  { code: '070000', name: '民政' },
  { code: '080000', name: '政法' },
  { code: '090000', name: '经济管理' },
  { code: '100000', name: '交通运输' },
  { code: '110000', name: '商贸旅游' },
  { code: '120000', name: '科技与信息产业' },
  { code: '130000', name: '环境保护' },
  { code: '140000', name: '党务政务' },
  { code: '150000', name: '组织人事' },
  { code: '160000', name: '纪检监察' },
  { code: '990000', name: '其他' },
];
