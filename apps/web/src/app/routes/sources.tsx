import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { SourceTreeEditor } from '@/features/sources/components/source-tree-editor';
import { PageTitle } from '../components/page-title';
import { useSession } from '../layout/session';

export const SourcesPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  return (
    <div data-testid="sources-page">
      <PageTitle title={t('sources.title')} />
      <Card>
        <SourceTreeEditor key={me.store.id} />
      </Card>
    </div>
  );
};
