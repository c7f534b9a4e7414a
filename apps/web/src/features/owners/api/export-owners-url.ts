import { buildUrl } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';
import type { OwnersFilter } from './get-owners';

/** Where the owner cards download from as .xlsx: the list's own filters (not its page), in the UI's language. */
export const exportOwnersUrl = (filter: OwnersFilter, language: Language): string => {
  const { page: _page, pageSize: _pageSize, ...rest } = filter;
  return buildUrl('/owners/export', { ...rest, lang: language });
};
