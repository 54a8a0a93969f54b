// Builds the React apps into web/dist: /portal/ (信访人门户), /console/ (工作台) and /screen/ (数据大屏), sharing
// hashed chunks under /assets/. Fastify serves the result (src/server/web.ts); `npm run build:web`.
import { fileURLToPath } from 'node:url';
import { constants } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/** Modules of these packages (names may be patterns): node_modules/<name>/… */
const vendor = (...names: string[]) => new RegExp(`[\\\\/]node_modules[\\\\/](${names.join('|')})[\\\\/]`);

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
      output: {
        // The libraries in chunks of their own, named, so a deploy that changes only the app's code
        // keeps them cached (their hashes change only when the library does). Highest priority
        // first: react is shared by antd and echarts-for-react and must not land in either.
        codeSplitting: {
          groups: [
            { name: 'vendor-react', test: vendor('react', 'react-dom', 'scheduler'), priority: 30 },
            { name: 'vendor-echarts', test: vendor('echarts', 'zrender', 'echarts-for-react'), priority: 20 },
            // No antd group: one would hold the console's up-front antd too, and the citizen's first
            // visit on a phone would grow from 263 to 415 KiB (gzip); antd stays in the shared chunks.
          ],
        },
      },
    },
  },
  // `npx vite --config web/vite.config.ts` for live editing, next to `npm start` on port 3000.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
