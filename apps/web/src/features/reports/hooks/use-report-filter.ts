import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { isStoreDate, storeDateOf } from '@qianke/core/showroom/store-day';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEYS = ['dealerId', 'consultantId', 'sourceId', 'seriesId', 'campaignCode'] as const;

/** This month up to today, in the store's calendar. */
export const defaultPeriod = (timeZone: string, now = new Date()): { from: string; to: string } => {
  const today = storeDateOf(now, timeZone);
  return { from: `${today.slice(0, 8)}01`, to: today };
};

export const parseReportFilter = (params: URLSearchParams, timeZone: string): TReportFilterInput => {
  const fallback = defaultPeriod(timeZone);
  const from = params.get('from');
  const to = params.get('to');
  const filter: TReportFilterInput = {
    from: from && isStoreDate(from) ? from : fallback.from,
    to: to && isStoreDate(to) ? to : fallback.to,
  };
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    if (key === 'campaignCode' || UUID.test(value) || (key === 'dealerId' && value === 'all'))
      filter[key] = value;
  }
  return filter;
};

/**
 * The report filter, kept in the address bar (reload, back button, a link to a report as filtered):
 * `from`, `to` and the optional store, consultant, source, series and campaign. Extra parameters of a
 * report (e.g. the funnel's `groupBy`) are kept as they are.
 */
export const useReportFilter = (timeZone: string) => {
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = useMemo(() => parseReportFilter(searchParams, timeZone), [searchParams, timeZone]);
  const setFilter = useCallback(
    (patch: Partial<TReportFilterInput>) => {
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearchParams],
  );
  /** A report's own parameter (e.g. `groupBy`), in the same address bar. */
  const param = useCallback((key: string) => searchParams.get(key) ?? undefined, [searchParams]);
  const setParam = useCallback(
    (key: string, value: string | undefined) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );
  return { filter, setFilter, param, setParam };
};
