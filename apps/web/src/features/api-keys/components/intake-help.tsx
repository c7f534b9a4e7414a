import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Where senders post leads with a key, and where the full API description is. */
export const IntakeHelp = () => {
  const { t } = useTranslation();
  const origin = window.location.origin;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      data-testid="intake-help"
      items={[
        {
          key: 'json',
          label: t('apiKeys.help.json'),
          children: <Typography.Text code copyable>{`POST ${origin}/api/v1/intake/leads`}</Typography.Text>,
        },
        {
          key: 'adf',
          label: t('apiKeys.help.adf'),
          children: <Typography.Text code copyable>{`POST ${origin}/api/v1/intake/adf`}</Typography.Text>,
        },
        {
          key: 'auth',
          label: t('apiKeys.help.auth'),
          children: <Typography.Text code>{'Authorization: Bearer qk_…'}</Typography.Text>,
        },
        {
          key: 'docs',
          label: t('apiKeys.help.docs'),
          children: (
            <Typography.Link href="/api/docs" target="_blank" rel="noreferrer">
              {t('apiKeys.help.docsLink')}
            </Typography.Link>
          ),
        },
      ]}
    />
  );
};
