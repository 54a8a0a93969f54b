// The demo as the tests seed it (test/integration/demo-desk.test.ts, test/e2e/demo-content.test.ts):
// the real demo seeding of `npm start` (src/seed/demoData.ts) with the demo jurisdictions' full share
// (DEMO_FOCUS: 鼓楼区 and the rest of 南京市) and a smaller rest of the province, to keep them fast.
import { DEMO_FOCUS } from '../../src/seed/demoCases.ts';

export const DEMO_TEST_CASES = DEMO_FOCUS.reduce((n, p) => n + p.count, 0) + 300;
