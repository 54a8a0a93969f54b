import fs from 'node:fs';
import { renderLifecycleMarkdown } from '../src/domain/lifecycle/diagram.ts';

fs.writeFileSync(new URL('../docs/lifecycle.md', import.meta.url), renderLifecycleMarkdown());
process.stdout.write('docs/lifecycle.md written\n');
