import type { Role } from '@qianke/core/accounts/roles';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type HomeHeaderProps = {
  displayName: string;
  homeRole: Role | null;
  storeName: string;
  /** Today's date, already formatted in the store's time zone. */
  today: string;
};

export const HomeHeader = ({ displayName, homeRole, storeName, today }: HomeHeaderProps) => {
  const { t } = useTranslation();
  return (
    <header style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('home.greeting', { name: displayName })}
      </Typography.Title>
      <Typography.Text type="secondary">
        {[homeRole ? t('home.roleHome', { role: t(`roles.${homeRole}`) }) : null, storeName, today]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </header>
  );
};
