// The functional departments each jurisdiction has (职能部门), and how they are named at each level.
// Province-level departments are mostly 厅; city/county ones 局. Towns have only a petition office.

export interface DepartmentDef {
  key: string;
  /** Short name used in lists: 住建局 */
  short: string;
  /** Name at city/county level, appended to the jurisdiction name. */
  local: string;
  /** Name at province level, or null where the province has no such department. */
  province: string | null;
}

export const BUREAU: DepartmentDef = { key: 'xinfang', short: '信访局', local: '信访局', province: '信访局' };

export const DEPARTMENTS: readonly DepartmentDef[] = [
  { key: 'zhujian', short: '住建局', local: '住房和城乡建设局', province: '住房和城乡建设厅' },
  { key: 'renshe', short: '人社局', local: '人力资源和社会保障局', province: '人力资源和社会保障厅' },
  { key: 'ziran', short: '自然资源局', local: '自然资源和规划局', province: '自然资源厅' },
  { key: 'gongan', short: '公安局', local: '公安局', province: '公安厅' },
  { key: 'shengtai', short: '生态环境局', local: '生态环境局', province: '生态环境厅' },
  { key: 'jiaoyu', short: '教育局', local: '教育局', province: '教育厅' },
  { key: 'weijian', short: '卫健委', local: '卫生健康委员会', province: '卫生健康委员会' },
  { key: 'minzheng', short: '民政局', local: '民政局', province: '民政厅' },
  { key: 'jiaotong', short: '交通运输局', local: '交通运输局', province: '交通运输厅' },
  { key: 'nongye', short: '农业农村局', local: '农业农村局', province: '农业农村厅' },
  { key: 'shichang', short: '市场监管局', local: '市场监督管理局', province: '市场监督管理局' },
  { key: 'chengguan', short: '城管局', local: '城市管理局', province: null },
];

/** Town-level petition office (乡镇/街道信访办). */
export const TOWN_OFFICE_NAME = '信访办';

/**
 * Bodies a matter may be referred to besides the government's departments (issue 11 item 7):
 * accusations against officials go to the discipline organs (纪委监委), and matters of the people's
 * congress, political-legal commission, courts and procuratorates to them. Each city and county has
 * one of each (the province too); they act on a matter like a department (kind 'department').
 */
export interface OrganDef {
  key: string;
  short: string;
  /** Name appended to the jurisdiction's name at province, city and county level. */
  names: readonly [province: string, city: string, county: string];
}

export const ORGANS: readonly OrganDef[] = [
  { key: 'jiwei', short: '纪委监委', names: ['纪委监委', '纪委监委', '纪委监委'] },
  { key: 'renda', short: '人大常委会', names: ['人大常委会', '人大常委会', '人大常委会'] },
  { key: 'zhengfa', short: '政法委', names: ['委政法委', '委政法委', '委政法委'] },
  { key: 'fayuan', short: '人民法院', names: ['高级人民法院', '中级人民法院', '人民法院'] },
  { key: 'jianchayuan', short: '人民检察院', names: ['人民检察院', '人民检察院', '人民检察院'] },
];
