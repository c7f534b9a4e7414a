import { TrafficReport } from '@/features/reports/components/traffic-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The showroom traffic report (issue 6). */
export const TrafficReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <TrafficReport key={me.store.id} context={reportContextOf(me, language)} />;
};
