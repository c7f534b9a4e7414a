import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('the embedded database folder', () => {
  it.each([
    ['the default, from where npm start was typed', { INIT_CWD: '/srv/qianke' }, '/srv/qianke/data'],
    [
      'a relative folder, from there too',
      { INIT_CWD: '/srv/qianke', QIANKE_DATA_DIR: 'db/pg' },
      '/srv/qianke/db/pg',
    ],
    [
      'an absolute folder, as given',
      { INIT_CWD: '/srv/qianke', QIANKE_DATA_DIR: '/var/lib/qianke' },
      '/var/lib/qianke',
    ],
    ['without npm, from the working directory', {}, join(process.cwd(), 'data')],
  ])('%s', (_case, env, dataDir) => {
    expect(loadConfig(env).database).toEqual({ kind: 'pglite', dataDir });
  });

  it('is not used with DATABASE_URL', () => {
    const config = loadConfig({ INIT_CWD: '/srv/qianke', DATABASE_URL: 'postgres://qianke@db:5432/qianke' });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://qianke@db:5432/qianke',
      preparedStatements: true,
    });
    expect(config.demo).toBe(false);
  });

  it('prepares statements on PostgreSQL unless QIANKE_PREPARED_STATEMENTS=0', () => {
    const url = 'postgres://qianke@db:5432/qianke';
    expect(loadConfig({ DATABASE_URL: url, QIANKE_PREPARED_STATEMENTS: '0' }).database).toEqual({
      kind: 'postgres',
      url,
      preparedStatements: false,
    });
    expect(() => loadConfig({ DATABASE_URL: url, QIANKE_PREPARED_STATEMENTS: 'no' })).toThrow(
      /QIANKE_PREPARED_STATEMENTS/,
    );
  });
});

describe('the built web app folder', () => {
  it('is read from where npm start was typed, or left to the default', () => {
    expect(loadConfig({ INIT_CWD: '/srv/qianke', QIANKE_WEB_DIST: 'web' }).webDist).toBe('/srv/qianke/web');
    expect(loadConfig({ QIANKE_WEB_DIST: '/opt/qianke/web' }).webDist).toBe('/opt/qianke/web');
    expect(loadConfig({}).webDist).toBeUndefined();
  });
});
