import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** The API server during `vite` dev; in production the server itself serves dist/. */
const serverOrigin = 'http://localhost:3000';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Every built text file also as `.br` and `.gz` beside it, compressed once at build time at the highest
 * levels: the server sends them as they are (@fastify/static `preCompressed`), a third of the bytes on
 * the wire for a first visit, without compressing on every request. Files under 1 KB stay as they are.
 */
const precompress = (): Plugin => ({
  name: 'qianke-precompress',
  apply: 'build',
  async writeBundle(options, bundle) {
    const dir = options.dir ?? 'dist';
    const files = Object.keys(bundle).filter((file) => /\.(js|css|html|svg|json)$/.test(file));
    await Promise.all(
      files.map(async (file) => {
        const data = await readFile(join(dir, file));
        if (data.length < 1024) return;
        const params = {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        };
        await writeFile(join(dir, `${file}.br`), await brotli(data, { params }));
        await writeFile(join(dir, `${file}.gz`), await gzipped(data, { level: 9 }));
      }),
    );
  },
});

export default defineConfig({
  plugins: [react(), precompress()],
  // `@/…` imports resolve through the `paths` of tsconfig.json.
  resolve: { tsconfigPaths: true },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: serverOrigin, changeOrigin: false },
      '/healthz': { target: serverOrigin, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // React and the router change only on upgrades: their own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ }],
        },
      },
    },
  },
});
