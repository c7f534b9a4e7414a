import { CUSTOMER_SORTS, LEAD_STATUSES, type TCustomerSort } from '@qianke/contracts/customers';
import { LEVELS } from '@qianke/core/leads/grading';
import { HORIZONS } from '@qianke/core/leads/horizon';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomersListParams } from '../api/get-customers';

type Order = 'asc' | 'desc';

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const matching = (value: string | null, pattern: RegExp) =>
  value && pattern.test(value) ? value : undefined;

export const parseCustomerFilters = (params: URLSearchParams): CustomersListParams => ({
  q: params.get('q')?.trim() || undefined,
  level: oneOf(params.get('level'), LEVELS),
  horizon: oneOf(params.get('horizon'), HORIZONS),
  sourceId: matching(params.get('sourceId'), UUID),
  ownerId: matching(params.get('ownerId'), UUID),
  status: oneOf(params.get('status'), LEAD_STATUSES),
  createdFrom: matching(params.get('createdFrom'), DAY),
  createdTo: matching(params.get('createdTo'), DAY),
  sort: oneOf<TCustomerSort>(params.get('sort'), CUSTOMER_SORTS) ?? 'createdAt',
  order: oneOf<Order>(params.get('order'), ['asc', 'desc']),
});

/** Only what is set goes into the address, so links stay short and shareable. */
export const serialiseCustomerFilters = (filters: CustomersListParams): URLSearchParams => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'sort' && value === 'createdAt') continue;
    params.set(key, String(value));
  }
  return params;
};

export const hasAnyFilter = (filters: CustomersListParams): boolean =>
  Boolean(
    filters.q ||
      filters.level ||
      filters.horizon ||
      filters.sourceId ||
      filters.ownerId ||
      filters.status ||
      filters.createdFrom ||
      filters.createdTo,
  );

/** Search, filters and sort of the customer list, kept in the address bar (back button, reload, links). */
export const useCustomerFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseCustomerFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<CustomersListParams>) => {
      setSearchParams((current) => serialiseCustomerFilters({ ...parseCustomerFilters(current), ...patch }), {
        replace: true,
      });
    },
    [setSearchParams],
  );
  const clear = useCallback(
    () => setSearchParams(new URLSearchParams(), { replace: true }),
    [setSearchParams],
  );
  return { filters, update, clear };
};
