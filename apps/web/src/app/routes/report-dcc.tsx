import { DccReport } from '@/features/reports/components/dcc-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The DCC report (issue 6). */
export const DccReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <DccReport key={me.store.id} context={reportContextOf(me, language)} />;
};
