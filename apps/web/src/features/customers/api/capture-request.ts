import { type TDuplicateCustomerDetails, ZDuplicateCustomerDetails } from '@qianke/contracts/customers';
import { ApiError, type ApiFieldErrors, buildUrl, parseRetryAfter } from '@/lib/api-client';

/** A 409 duplicate_customer: the store already has a customer with this phone, named in `existing`. */
export class DuplicateCustomerError extends ApiError {
  readonly existing: TDuplicateCustomerDetails;
  constructor(init: ConstructorParameters<typeof ApiError>[0], existing: TDuplicateCustomerDetails) {
    super(init);
    this.existing = existing;
  }
}

export const isDuplicateCustomer = (error: unknown): error is DuplicateCustomerError =>
  error instanceof DuplicateCustomerError;

type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } };

const fieldsOf = (value: unknown): ApiFieldErrors | undefined =>
  value && typeof value === 'object' && Object.values(value).every((v) => typeof v === 'string')
    ? (value as ApiFieldErrors)
    : undefined;

/**
 * POSTs like the shared client, and keeps what it leaves out: the `details` of a 409 duplicate_customer,
 * which name the existing customer so the form can offer "open it" or "add this inquiry to it".
 */
export const postCapturing = async <T>(path: string, body: unknown): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }
  const text = await response.text();
  let payload: unknown;
  try {
    payload = text ? JSON.parse(text) : undefined;
  } catch {
    payload = text;
  }
  if (response.ok && payload !== null && typeof payload === 'object') return payload as T;
  const error = (payload as ErrorBody | undefined)?.error;
  const init = {
    status: response.status,
    code: typeof error?.code === 'string' ? error.code : 'unexpected_response',
    message: typeof error?.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
    fields: fieldsOf(error?.fields),
    retryAfterSeconds: parseRetryAfter(response.headers.get('Retry-After')),
  };
  if (init.code === 'duplicate_customer') {
    const existing = ZDuplicateCustomerDetails.safeParse(error?.details);
    if (existing.success) throw new DuplicateCustomerError(init, existing.data);
  }
  throw new ApiError(init);
};
