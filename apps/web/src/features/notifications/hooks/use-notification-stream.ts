import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE } from '@/lib/api-client';
import { notificationsQueryKey } from '../api/get-notifications';

/** After the browser gives up (the session ended, the server refused): try again, more slowly each time. */
const RETRY_MS = [10_000, 30_000, 60_000, 5 * 60_000];

/**
 * Keeps the bell live: one EventSource per tab on /notifications/stream (the session cookie
 * authorises it). Every event, and every (re)connection, re-reads the list, so nothing sent while the
 * tab was offline is missed. The browser reconnects by itself after a network error; when it gives up
 * (an error answer such as 401), this tries again later. Disabled (logging out) or unmounted: closed.
 */
export const useNotificationStream = ({ enabled }: { enabled: boolean }) => {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey });

    const connect = () => {
      if (stopped) return;
      source = new EventSource(`${API_BASE}/notifications/stream`);
      source.addEventListener('open', () => {
        failures = 0;
        refresh();
      });
      source.addEventListener('notification', refresh);
      source.addEventListener('error', () => {
        if (source?.readyState !== EventSource.CLOSED) return;
        source.close();
        const wait = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)];
        failures++;
        retry = setTimeout(connect, wait);
      });
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [enabled, queryClient]);
};
