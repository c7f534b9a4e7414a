import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './lib/server';
import type { Result } from './lib/table';

/** The chunks a chunk imports statically (`import"./x.js"`, `from"./x.js"`); `import("./x.js")` is lazy. */
export const staticImportsOf = (code: string): string[] => {
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.js)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
};

/** The entry script and the module preloads of index.html. */
export const entryChunksOf = (html: string): string[] =>
  [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1] as string);

/** The chunk files of the lazy routes named (Vite names a lazy chunk after its module: `login-<hash>.js`). */
export const routeChunksOf = (files: readonly string[], routes: readonly string[]): string[] =>
  files.filter((f) => routes.some((route) => new RegExp(`^${route}-[\\w-]{8}\\.js$`).test(f)));

/** The entry chunks, the route chunks and everything they import statically. */
export const closureOf = async (assets: string, roots: readonly string[]): Promise<Map<string, Buffer>> => {
  const seen = new Map<string, Buffer>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const code = await readFile(join(assets, file));
    seen.set(file, code);
    queue.push(...staticImportsOf(code.toString('utf8')));
  }
  return seen;
};

const ROUTES = ['login', 'app-layout', 'home'];

/** Gzipped JS (zlib level 6, as a web server compresses) a browser loads for the login page and then home. */
export const webBenchmark = async (): Promise<Result[]> => {
  const dist = join(REPO_ROOT, 'apps/web/dist');
  try {
    await access(join(dist, 'index.html'));
  } catch {
    return [
      {
        benchmark: 'web: gzipped JS, login + home',
        figure: null,
        unit: 'KB',
        target: 600,
        note: 'apps/web/dist missing: run npm run build first',
      },
    ];
  }
  const assets = join(dist, 'assets');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const routeChunks = routeChunksOf(await readdir(assets), ROUTES);
  const chunks = await closureOf(assets, [...entryChunksOf(html), ...routeChunks]);
  let raw = 0;
  let gzipped = 0;
  for (const code of chunks.values()) {
    raw += code.length;
    gzipped += gzipSync(code, { level: 6 }).length;
  }
  return [
    {
      benchmark: 'web: gzipped JS, login + home',
      figure: gzipped / 1024,
      unit: 'KB',
      target: 600,
      note: `${chunks.size} chunks, ${(raw / 1024).toFixed(0)} KB before gzip (routes: ${routeChunks.join(', ')})`,
    },
  ];
};
