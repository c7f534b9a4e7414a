import { KpiReport } from '@/features/reports/components/kpi-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { can, useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The KPI dashboard: the manager's targets form, a consultant's own figures, the group view (issue 6). */
export const KpiReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return (
    <KpiReport
      key={me.store.id}
      context={reportContextOf(me, language)}
      canSetTargets={can(me, 'kpi_targets.manage')}
    />
  );
};
