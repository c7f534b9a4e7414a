import type { TVisitKind } from '@qianke/contracts/showroom';
import { isStoreDate } from '@qianke/core/showroom/store-day';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type VisitLogFilters = {
  /** YYYY-MM-DD; undefined: today in the store. */
  date?: string | undefined;
  kind?: TVisitKind | undefined;
};

export const parseVisitLogFilters = (params: URLSearchParams): VisitLogFilters => {
  const date = params.get('date');
  const kind = params.get('kind');
  return {
    date: date && isStoreDate(date) ? date : undefined,
    kind: kind === 'visit' || kind === 'phone_in' ? kind : undefined,
  };
};

/** The day and kind of the log, kept in the address bar (back button, reload, a link to a day). */
export const useVisitLogFilters = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseVisitLogFilters(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<VisitLogFilters>) => {
      setSearchParams(
        (current) => {
          const next = { ...parseVisitLogFilters(current), ...patch };
          const params = new URLSearchParams();
          if (next.date) params.set('date', next.date);
          if (next.kind) params.set('kind', next.kind);
          return params;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  return { filters, update };
};
