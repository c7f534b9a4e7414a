import { FollowUpComplianceReport } from '@/features/reports/components/follow-up-compliance-report';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSession } from '../layout/session';
import { reportContextOf } from './report-context';

/** Follow-up compliance (issue 6). */
export const FollowUpComplianceReportPage = () => {
  const me = useSession();
  const { language } = useLanguage();
  return <FollowUpComplianceReport key={me.store.id} context={reportContextOf(me, language)} />;
};
