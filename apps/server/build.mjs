// Builds the server into dist/ for `npm start` (decision 0005): one ES module bundle of the server and
// the workspaces it imports (@qianke/core, @qianke/contracts ship TypeScript source), with the
// migrations copied beside it. Packages from node_modules stay imports: native ones (argon2) and
// PGlite's wasm cannot be bundled, and Node loads them once either way.
import { cp, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const { dependencies } = JSON.parse(await readFile(here('./package.json'), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@qianke/'));

await rm(here('./dist'), { recursive: true, force: true });
await build({
  entryPoints: [here('./src/start.ts')],
  outdir: here('./dist'),
  bundle: true,
  // Chunks for what the server imports only when needed (the driver not in use, exceljs behind it).
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  // `pkg/sub` paths (drizzle-orm/pglite, @electric-sql/pglite/contrib/pg_trgm) too.
  external: external.flatMap((name) => [name, `${name}/*`]),
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// database.ts finds the migrations beside the module that opens the database: src/infra/db/ in
// development and tests, dist/ here (every chunk is written to dist/ itself).
await cp(here('./src/infra/db/migrations'), here('./dist/migrations'), { recursive: true });
