import type { Role } from '@qianke/core/accounts/roles';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The accounts the demo dealership is seeded with (every password is demo1234). */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role }> = [
  { username: 'admin', role: 'admin' },
  { username: 'manager', role: 'sales_manager' },
  { username: 'consultant1', role: 'consultant' },
  { username: 'consultant2', role: 'consultant' },
  { username: 'reception', role: 'receptionist' },
  { username: 'dcc1', role: 'dcc_agent' },
  { username: 'crm1', role: 'crm_specialist' },
  { username: 'marketing', role: 'marketing_manager' },
  { username: 'manager2', role: 'sales_manager' },
  { username: 'consultant3', role: 'consultant' },
];

type DemoAccountsProps = { onPick: (username: string) => void };

export const DemoAccounts = ({ onPick }: DemoAccountsProps) => {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="demo-accounts-title" data-testid="demo-accounts">
      <Typography.Text strong id="demo-accounts-title">
        {t('demo.accountsTitle')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('demo.accountsHint')}
      </Typography.Paragraph>
      <Flex wrap gap={8}>
        {DEMO_ACCOUNTS.map(({ username, role }) => (
          <Button
            key={username}
            size="small"
            onClick={() => onPick(username)}
            data-testid={`demo-account-${username}`}
            title={t(`roles.${role}`)}
          >
            {username}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`roles.${role}`)}
            </Typography.Text>
          </Button>
        ))}
      </Flex>
    </section>
  );
};
