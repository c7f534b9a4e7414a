import { FunnelReport } from '@/features/reports/components/funnel-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The sales funnel report (issue 6). */
export const FunnelReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <FunnelReport key={me.store.id} context={reportContextOf(me, language)} />;
};
