import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/lib/paths';
import { useDocumentTitle } from '@/lib/use-document-title';

export const Forbidden = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('forbidden.title'));
  return (
    <div data-testid="forbidden-page">
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.subtitle')}
        extra={
          <Button type="primary" onClick={() => navigate(paths.home)}>
            {t('common.backHome')}
          </Button>
        }
      />
    </div>
  );
};
