import { useTranslation } from 'react-i18next';
import { ReportsIndex } from '@/features/reports/components/reports-index';
import { PageTitle } from '../components/page-title';
import { can, useSession } from '../layout/session';

/** The reports the caller may open (issue 6). */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="reports-page">
      <PageTitle title={t('reports.common.title')} />
      <ReportsIndex allowed={(entry) => can(me, entry.permission)} />
    </div>
  );
};
