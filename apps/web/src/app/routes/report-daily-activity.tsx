import { DailyActivityReport } from '@/features/reports/components/daily-activity-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The consultant daily activity report, printable (issue 6). */
export const DailyActivityReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <DailyActivityReport key={me.store.id} context={reportContextOf(me, language)} />;
};
