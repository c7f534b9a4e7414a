import type { TFunction } from 'i18next';
import { isApiError } from './api-client';
import { knownMessage } from './localise-message';

const minutesOf = (seconds: number | undefined): number => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/** One sentence for a failure, in the user's language, for an Alert or a message toast. */
export const describeApiError = (error: unknown, t: TFunction): string => {
  if (!isApiError(error)) return t('errors.unexpected');
  if (error.code === 'network_error') return t('errors.network');
  if (error.code === 'unexpected_response') return t('errors.unexpected');
  if (error.code === 'rate_limited')
    return t('errors.rateLimited', { count: minutesOf(error.retryAfterSeconds) });

  // A sentence we have a translation for says more than the generic text of its code.
  const known =
    knownMessage(error.message, t) ??
    Object.values(error.fields ?? {})
      .map((message) => knownMessage(message, t))
      .find((message) => message !== undefined);
  if (known) return known;

  switch (error.code) {
    case 'unauthenticated':
      return t('errors.unauthenticated');
    case 'forbidden':
      return t('errors.forbidden');
    case 'not_found':
      return t('errors.notFound');
    case 'stale_version':
      return t('errors.staleVersion');
    case 'validation_failed':
      return t('errors.validation');
    case 'conflict':
      return t('errors.conflict');
    default:
      return error.message || t('errors.unexpected');
  }
};
