import { SourceAnalysisReport } from '@/features/reports/components/source-analysis-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** The source analysis report (issue 6). */
export const SourceAnalysisReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <SourceAnalysisReport key={me.store.id} context={reportContextOf(me, language)} />;
};
