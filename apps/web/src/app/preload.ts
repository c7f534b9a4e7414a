import type { QueryClient } from '@tanstack/react-query';
import { isValidElement, lazy, type ReactNode } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';

type Preloadable = { preload: () => Promise<unknown> };
/** What a lazy page's import resolves to, as React.lazy takes it. */
type PageModule = Awaited<ReturnType<Parameters<typeof lazy>[0]>>;

/** What a route may name in its `handle`: data its page reads first, fetched while the app boots. */
export type RouteHandle = {
  prefetch?: (queryClient: QueryClient, search: string) => Promise<unknown>;
};

/**
 * React.lazy whose chunk can be asked for before React first renders the page: the page of the
 * address the app opens on is fetched beside the app's code and /meta and /me, not after them.
 */
export const lazyPage = (load: () => Promise<PageModule>) => {
  let loading: Promise<PageModule> | undefined;
  const once = () => {
    loading ??= load();
    return loading;
  };
  return Object.assign(lazy(once), { preload: once });
};

const isPreloadable = (type: unknown): type is Preloadable =>
  typeof type === 'object' && type !== null && typeof (type as Partial<Preloadable>).preload === 'function';

/** Starts loading every lazy page in an element tree (a route's element and what it wraps). */
const preloadElement = (node: ReactNode): void => {
  if (!isValidElement(node)) return;
  if (isPreloadable(node.type)) void node.type.preload().catch(() => undefined);
  const { children } = node.props as { children?: ReactNode };
  if (Array.isArray(children)) for (const child of children) preloadElement(child);
  else preloadElement(children);
};

/**
 * The code and first data of the routes that match the address, asked for at once. A chunk that fails
 * to load fails as before: React.lazy gets the same answer when it renders the page and shows the
 * route's error; a failed prefetch is the page's own query to retry.
 */
export const preloadRoutes = (
  routes: RouteObject[],
  location: { pathname: string; search: string },
  queryClient: QueryClient,
): void => {
  for (const match of matchRoutes(routes, location.pathname) ?? []) {
    preloadElement(match.route.element);
    const handle = match.route.handle as RouteHandle | undefined;
    void handle?.prefetch?.(queryClient, location.search).catch(() => undefined);
  }
};
