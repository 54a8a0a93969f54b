// The lifecycle's clocks (期限) and their Chinese names. No imports, so the browser (the console's
// 办理期限 page) can use them without pulling in the Node-only holiday calendar.

export const CLOCKS = [
  'acceptance', // 受理期限：收到之日起15日 (Art 22/23)
  'objection', // 异议期限：收到之日起5个工作日 (Art 23)
  'handling', // 办理期限：受理之日起60日 (Art 34)
  'review_window', // 复查申请期：收到处理意见书之日起30日 (Art 35)
  'evaluation', // 评价期：送达之日起30日 (§12)
  'review', // 复查期限：收到复查请求之日起30日 (Art 35)
  'rereview_window', // 复核申请期：收到复查意见书之日起30日 (Art 36)
  'rereview', // 复核期限：收到复核请求之日起30日 (Art 36)
  'rehandling', // 重新办理期限：复查撤销、变更原处理意见之日起，原办理机关重新作出处理意见 (SD Art 45; U)
] as const;
export type ClockName = (typeof CLOCKS)[number];

export const CLOCK_NAMES: Record<ClockName, string> = {
  acceptance: '受理期限',
  objection: '异议期限',
  handling: '办理期限',
  review_window: '复查申请期限',
  evaluation: '评价期限',
  review: '复查期限',
  rereview_window: '复核申请期限',
  rereview: '复核期限',
  rehandling: '重新办理期限',
};
