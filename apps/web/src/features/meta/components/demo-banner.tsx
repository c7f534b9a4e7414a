import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown on every page of a demo installation, the login page included. */
export const DemoBanner = () => {
  const { t } = useTranslation();
  return (
    <div data-testid="demo-banner">
      <Alert banner type="warning" showIcon title={t('demo.banner')} />
    </div>
  );
};
