import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type HomePanelProps = {
  title: string;
  hint: string;
  icon?: ReactNode;
  testId: string;
};

/** One panel of a home page. Their data arrives with the lead features; until then, an empty state. */
export const HomePanel = ({ title, hint, icon, testId }: HomePanelProps) => {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <span>
          {icon ? <span style={{ marginInlineEnd: 8 }}>{icon}</span> : null}
          {title}
        </span>
      }
      style={{ height: '100%' }}
      data-testid={`panel-${testId}`}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {hint}
      </Typography.Paragraph>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.emptyPanel')} />
    </Card>
  );
};
