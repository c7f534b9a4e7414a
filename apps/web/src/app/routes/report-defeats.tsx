import { DefeatsReport } from '@/features/reports/components/defeats-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** Defeat statistics and analysis (issue 6). */
export const DefeatsReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <DefeatsReport key={me.store.id} context={reportContextOf(me, language)} />;
};
