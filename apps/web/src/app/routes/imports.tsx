import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ImportUpload } from '@/features/imports/components/import-upload';
import { ImportsHistory } from '@/features/imports/components/imports-history';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

const jobPath = (id: string) => `${paths.imports}/${id}`;

/** Upload a customer list (.xlsx or .csv); below, the store's past imports. */
export const ImportsPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  return (
    <div data-testid="imports-page">
      <PageTitle title={t('imports.title')} />
      <Flex vertical gap={16}>
        <Card title={t('imports.upload.title')}>
          <ImportUpload onUploaded={(upload) => void navigate(jobPath(upload.jobId))} />
        </Card>
        <Card title={t('imports.history.title')}>
          {/* A store switch shows another store's imports: start that list afresh. */}
          <ImportsHistory key={me.store.id} timeZone={me.store.timeZone} jobPath={jobPath} />
        </Card>
      </Flex>
    </div>
  );
};
