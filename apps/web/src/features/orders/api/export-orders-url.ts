import { buildUrl } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';
import type { OrdersFilter } from './get-orders';

/** Where the order list downloads from as .xlsx: the list's own filters (not its page), titles in the UI's language. */
export const exportOrdersUrl = (filter: OrdersFilter, language: Language): string => {
  const { page: _page, pageSize: _pageSize, ...rest } = filter;
  return buildUrl('/orders/export', { ...rest, lang: language });
};
