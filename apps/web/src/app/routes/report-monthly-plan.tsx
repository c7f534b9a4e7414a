import { MonthlyPlanReport } from '@/features/reports/components/monthly-plan-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The monthly sales activity plan (issue 6). */
export const MonthlyPlanReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <MonthlyPlanReport key={me.store.id} context={reportContextOf(me, language)} />;
};
