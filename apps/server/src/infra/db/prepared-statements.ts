import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from './database';

/**
 * How many statement texts one connection prepares: the first this many it runs. A pool connection
 * lives as long as it is kept busy, so the texts of the busy paths are among its first. A text past the
 * limit runs unnamed, as before, so a statement whose text varies with its input (an `in` list of any
 * length) cannot fill a connection's memory with plans. (During the soak benchmark a connection's
 * backend held about 10 MB of its own memory.)
 */
export const PREPARED_PER_CONNECTION = 300;

type QueryConfigLike = { text: string; name?: string; values?: unknown[] };

const isParameterisedConfig = (config: unknown, values: unknown): config is QueryConfigLike => {
  if (typeof config !== 'object' || config === null) return false;
  const c = config as Partial<QueryConfigLike> & { submit?: unknown };
  // A Submittable (a cursor, a COPY stream) is left as it is; so is a statement already named.
  return (
    typeof c.text === 'string' &&
    c.name === undefined &&
    c.submit === undefined &&
    (Array.isArray(values) || Array.isArray(c.values))
  );
};

/**
 * node-postgres' Client with every parameterised statement prepared once per connection, as pgbench
 * `-M prepared` runs it: PostgreSQL parses the text once instead of on every request. Whether it also
 * keeps a plan is the connection's `plan_cache_mode`: database.ts plans each run for its values, and
 * `allowGenericPlans` lets a transaction keep one plan per text. Names are per connection (`q0`, `q1`,
 * ... in the order texts first arrive), so one name always means one text there.
 */
export const preparingClient = (
  Client: typeof pg.Client,
  limit = PREPARED_PER_CONNECTION,
): typeof pg.Client =>
  class PreparingClient extends Client {
    readonly #names = new Map<string, string>();

    // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this passes them through.
    override query(config: any, values?: any, callback?: any): any {
      const run = super.query as unknown as (
        config: unknown,
        values?: unknown,
        callback?: unknown,
      ) => unknown;
      // `query(text, values)` is `query({ text }, values)`.
      if (typeof config === 'string' && Array.isArray(values)) config = { text: config };
      if (isParameterisedConfig(config, values)) {
        let name = this.#names.get(config.text);
        if (name === undefined && this.#names.size < limit) {
          name = `q${this.#names.size}`;
          this.#names.set(config.text, name);
        }
        if (name !== undefined) return run.call(this, { ...config, name }, values, callback);
      }
      return run.call(this, config, values, callback);
    }
  };

/**
 * For the rest of the transaction, lets PostgreSQL keep one generic plan per prepared statement (its
 * default, `plan_cache_mode = auto`), where the connection otherwise plans each run for its values. For
 * a path whose statements cost more to plan than to run and whose plans do not depend on the values:
 * intake's lookups by key and its inserts.
 */
export const allowGenericPlans = async (tx: Executor) => {
  await tx.execute(sql`select set_config('plan_cache_mode', 'auto', true)`);
};
