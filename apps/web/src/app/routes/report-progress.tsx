import { ProgressReport } from '@/features/reports/components/progress-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The intention customer progress table (issue 6). */
export const ProgressReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <ProgressReport key={me.store.id} context={reportContextOf(me, language)} />;
};
