import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS = { in_stock: 'green', reserved: 'gold', sold: 'default' } as const;

export const StockStatusTag = ({ status }: { status: 'in_stock' | 'reserved' | 'sold' }) => {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="stock-status">
      {t(`vehicles.status.${status}`)}
    </Tag>
  );
};
