import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ReviewFilters } from '../api/get-store-follow-ups';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const parseReviewFilters = (params: URLSearchParams): ReviewFilters => {
  const userId = params.get('userId') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    userId: UUID.test(userId) ? userId : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
};

/** Who and which days the review shows, kept in the address bar (back button, reload, a shared link). */
export const useReviewFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseReviewFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<ReviewFilters>) => {
      setSearchParams(
        (current) => {
          const next = { ...parseReviewFilters(current), ...patch };
          const params = new URLSearchParams();
          for (const [key, value] of Object.entries(next)) if (value) params.set(key, value);
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { filters, update };
};
