import type { TOrder } from '@qianke/contracts/orders';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS = { draft: 'default', confirmed: 'blue', delivered: 'green', cancelled: 'red' } as const;

export const OrderStatusTag = ({ status, testId }: { status: TOrder['status']; testId?: string }) => {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid={testId} data-status={status}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
};
