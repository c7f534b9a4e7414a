/**
 * The one error type that rules and services throw. It carries a code and a message a person can act
 * on, never an HTTP status: `apps/server/src/infra/http/error-status.ts` maps codes to statuses.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** A customer with this phone exists in the store; details name it and its owner. */
  | 'duplicate_customer'
  | 'stale_version'
  | 'rate_limited';

export type FieldErrors = Record<string, string>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fields: FieldErrors | undefined;
  /** Seconds after which a rate-limited caller may try again. */
  readonly retryAfterSeconds: number | undefined;
  /** Machine-readable facts for the caller, e.g. the existing customer behind a duplicate phone. */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: DomainErrorCode,
    message: string,
    options: { fields?: FieldErrors; retryAfterSeconds?: number; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
