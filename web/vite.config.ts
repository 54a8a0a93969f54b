// Builds the React apps into web/dist: /portal/ (信访人门户), /console/ (工作台) and /screen/ (数据大屏), sharing
// hashed chunks under /assets/. Fastify serves the result (src/server/web.ts); `npm run build:web`.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  // web/public is the plain login page, served by Fastify as it is: not part of the bundle.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        portal: here('portal/index.html'),
        console: here('console/index.html'),
        screen: here('screen/index.html'),
      },
    },
  },
  // `npx vite --config web/vite.config.ts` for live editing, next to `npm start` on port 3000.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
