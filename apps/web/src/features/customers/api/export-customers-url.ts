import { buildUrl } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';
import type { CustomersListParams } from './get-customers';

/** Where the list downloads from as .xlsx: the list's own filters and order, titles in the UI's language. */
export const exportCustomersUrl = (params: CustomersListParams, language: Language): string =>
  buildUrl('/customers/export', { ...params, lang: language });
