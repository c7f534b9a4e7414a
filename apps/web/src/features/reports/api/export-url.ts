import { buildUrl } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';

/** Where a report's .xlsx downloads from: the same filter as the page, titles in the UI's language. */
export const reportExportUrl = (
  report: string,
  filter: Record<string, string | number | undefined>,
  language: Language,
): string => buildUrl(`/reports/${report}/export`, { ...filter, lang: language });
