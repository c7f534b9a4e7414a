// Biome formats and lints; ESLint is here only for what needs types (floating promises) and for the
// import boundaries of ARCHITECTURE.md, which a machine checks so that nobody has to remember them.
import { existsSync, readdirSync } from 'node:fs';
import tseslint from 'typescript-eslint';

const foldersIn = (path) => {
  const url = new URL(path, import.meta.url);
  return existsSync(url)
    ? readdirSync(url, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];
};

const webFeatures = foldersIn('./apps/web/src/features');
const serverDomains = foldersIn('./apps/server/src').filter(
  (name) => !['infra', 'test-support'].includes(name),
);

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // The domain core imports only itself and its one data library.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|@qianke/core/|libphonenumber-js(/|$)|vitest$)',
              message: 'packages/core is pure: it imports only core (and libphonenumber-js for phones).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'packages/core does no I/O.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Time is passed in: take `now` as a parameter.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Time is passed in: take `now` as a parameter.',
        },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|@qianke/core/|zod$)',
              message: 'contracts holds zod schemas only (and reads rule tables from core).',
            },
          ],
        },
      ],
    },
  },
  // A server domain reaches another domain only through that domain's service.
  ...serverDomains.map((domain) => ({
    files: [`apps/server/src/${domain}/**/*.ts`],
    ignores: [`apps/server/src/${domain}/**/*.test.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: serverDomains
            .filter((other) => other !== domain)
            .map((other) => ({
              group: [`../${other}/*.repo`, `../${other}/*.routes`],
              message: `Use the ${other} service, not its repository or routes.`,
            })),
        },
      ],
    },
  })),
  // A web feature never imports another feature: app/ composes them.
  ...webFeatures.map((feature) => ({
    files: [`apps/web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: webFeatures
                .filter((f) => f !== feature)
                .flatMap((f) => [`**/features/${f}/**`, `../../${f}/**`, `../${f}/**`]),
              message: 'A feature never imports another feature; compose them in src/app.',
            },
            { group: ['**/app/**'], message: 'Features do not import from app/.' },
          ],
        },
      ],
    },
  })),
);
