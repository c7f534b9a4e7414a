import { buildUrl } from '@/lib/api-client';
import type { Language } from '@/lib/i18n/language';

/** The report downloads as a plain link: the browser saves the xlsx the server streams. */
export const importReportUrl = (id: string, language: Language): string =>
  buildUrl(`/imports/${id}/report.xlsx`, { lang: language });
