import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

type AuthCardProps = { title: string; subtitle?: string; width?: number; children: ReactNode };

/** The centred card of the login and set-up pages, with the brand and the language switch. */
export const AuthCard = ({ title, subtitle, width = 420, children }: AuthCardProps) => {
  const { t } = useTranslation();
  return (
    <Flex vertical flex={1} style={{ background: '#f5f7fa' }}>
      <Flex justify="flex-end" style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex vertical align="center" justify="center" flex={1} style={{ padding: '16px 16px 48px' }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 0 }}>
            {t('app.fullName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card style={{ width: '100%', maxWidth: width }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
          {children}
        </Card>
      </Flex>
    </Flex>
  );
};
