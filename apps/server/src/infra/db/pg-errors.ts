/** PostgreSQL errors arrive wrapped by the driver or by Drizzle; this finds the SQLSTATE underneath. */
export type PgErrorInfo = { code: string; constraint: string | undefined };

export const pgErrorOf = (error: unknown): PgErrorInfo | undefined => {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    current = cause;
  }
  return undefined;
};

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_SERIALIZATION_FAILURE = '40001';
/** A text holds a byte the database encoding cannot store: a NUL (0x00) in text, e.g. from an uploaded file. */
export const PG_CHARACTER_NOT_IN_REPERTOIRE = '22021';
/** A JSON value holds `\u0000` (or another escape jsonb cannot store). */
export const PG_UNTRANSLATABLE_CHARACTER = '22P05';

export const uniqueViolationOf = (error: unknown): string | undefined => {
  const info = pgErrorOf(error);
  return info?.code === PG_UNIQUE_VIOLATION ? (info.constraint ?? '') : undefined;
};
