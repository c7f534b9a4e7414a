import type { Language } from '@/lib/i18n/language';

/**
 * What a report page needs to know about the caller, handed down by the app's route page (a feature
 * never reads the session itself): the store's time zone, whether the export button shows, whether the
 * figures are the caller's own (no consultant filter then), whether a store or the group may be picked.
 */
export type ReportContext = {
  timeZone: string;
  canExport: boolean;
  ownFiguresOnly: boolean;
  groupAdmin: boolean;
  language: Language;
};
