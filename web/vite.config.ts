// Builds the React apps into web/dist: /portal/ (信访人门户), /console/ (工作台) and /screen/ (数据大屏), sharing
// hashed chunks under /assets/. Fastify serves the result (src/server/web.ts); `npm run build:web`.
import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  // web/public is the plain login page, served by Fastify as it is: not part of the bundle.
  publicDir: false,
  plugins: [
    react(),
    // Precompressed copies beside each asset (.br, .gz): Fastify sends the one the browser accepts
    // (src/server/web.ts, preCompressed) without compressing per request. Brotli quality 9: level 11
    // took most of the build for ~3 % less.
    compression({
      include: /\.(js|css|html|svg|json)$/,
      threshold: 1024,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
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
