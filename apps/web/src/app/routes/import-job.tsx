import { Breadcrumb, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useImport } from '@/features/imports/api/get-import';
import { ImportJobView } from '@/features/imports/components/import-job';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

/** One import: mapping, preview, import and result, at the step the file has reached. */
export const ImportJobPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const { id = '' } = useParams();
  const job = useImport(id);
  return (
    <div data-testid="import-job-page">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={paths.imports}>{t('imports.title')}</Link> },
          { title: job.data?.fileName ?? '…' },
        ]}
      />
      <PageTitle
        title={job.data ? t('imports.jobTitle', { fileName: job.data.fileName }) : t('imports.title')}
      />
      <Card>
        {/* Another store's import is not found there: a store switch starts afresh. */}
        <ImportJobView key={`${me.store.id}-${id}`} jobId={id} newImportPath={paths.imports} />
      </Card>
    </div>
  );
};
