import { Option } from 'commander';

/** --data, the same on every command; DATABASE_URL takes precedence when set. */
export const dataOption = () =>
  new Option(
    '--data <dir>',
    '嵌入式数据库目录 / embedded data directory (ignored when DATABASE_URL is set)',
  ).default('./data');
