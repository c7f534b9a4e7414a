import type { TMe } from '@qianke/contracts/auth';
import { reportViewOf } from '@qianke/core/reports/report-access';
import type { ReportContext } from '@/features/reports/report-context';
import type { Language } from '@/lib/i18n/language';
import { can } from '../layout/session';

/** What a report page needs from the session (features never read the session themselves). */
export const reportContextOf = (me: TMe, language: Language): ReportContext => ({
  timeZone: me.store.timeZone,
  canExport: can(me, 'reports.export'),
  ownFiguresOnly: reportViewOf(me.user.roles) === 'own',
  groupAdmin: me.user.groupAdmin,
  language,
});
