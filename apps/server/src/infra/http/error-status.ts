import type { DomainErrorCode } from '@qianke/core/shared/domain-error';

/** The one table that turns a domain error code into an HTTP status. */
export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  duplicate_customer: 409,
  stale_version: 409,
  rate_limited: 429,
};
