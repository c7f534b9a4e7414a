import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { serializeError } from './log-serializers';

const failedQuery = (cause: Error) =>
  new DrizzleQueryError(
    'insert into customers (name, phone_e164, note) values ($1, $2, $3)',
    ['王小明', '+8613912345678', '{"tag":"vip-wang"}', 7],
    cause,
  );

describe('an error as logged', () => {
  it('keeps the SQL text, SQLSTATE and place of a failed query, never its parameters', () => {
    const cause = Object.assign(
      new Error('value too long for type character varying(20): "+8613912345678"'),
      {
        code: '22001',
        severity: 'ERROR',
        table: 'customers',
        detail: 'Failing row contains (王小明, +8613912345678).',
        where: 'SQL function "x" statement 1: 王小明',
      },
    );
    const logged = serializeError(failedQuery(cause)) as Record<string, any>;
    const text = JSON.stringify(logged);
    for (const value of ['王小明', '+8613912345678', 'vip-wang', 'params:'])
      expect(text).not.toContain(value);
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      message: 'Failed query: insert into customers (name, phone_e164, note) values ($1, $2, $3)',
      query: 'insert into customers (name, phone_e164, note) values ($1, $2, $3)',
      cause: {
        code: '22001',
        severity: 'ERROR',
        table: 'customers',
        message: 'value too long for type character varying(20): "[param]"',
      },
    });
    expect(logged.stack).toMatch(/^Error: Failed query: insert into customers[^\n]*\n\s+at /);
    expect(logged.cause).not.toHaveProperty('detail');
    expect(logged.cause).not.toHaveProperty('where');
  });

  it('logs any other error as pino does', () => {
    const error = Object.assign(new Error('The mailbox is full.'), { statusCode: 503 });
    expect(serializeError(error)).toMatchObject({
      type: 'Error',
      message: 'The mailbox is full.',
      statusCode: 503,
    });
    expect(serializeError('not an error' as never)).toBe('not an error');
  });
});
