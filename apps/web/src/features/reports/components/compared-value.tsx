import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A rate as a percentage (one decimal), or a dash when there was nothing to divide by. */
export const formatRate = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(Math.round(value * 1000) / 10).toFixed(1)}%`;

/** A figure with its change against the previous period (the same number of days before). */
export const ComparedValue = ({
  value,
  rate = false,
  testId,
}: {
  value: { current: number | null; previous: number | null };
  rate?: boolean;
  testId?: string;
}) => {
  const { t } = useTranslation();
  const show = (v: number | null) => (rate ? formatRate(v) : v === null ? '—' : String(v));
  const delta = value.current !== null && value.previous !== null ? value.current - value.previous : null;
  return (
    <span data-testid={testId}>
      <span data-testid={testId ? `${testId}-current` : undefined}>{show(value.current)}</span>{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {delta === null || delta === 0 ? null : delta > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
        {t('reports.common.previousShort', { value: show(value.previous) })}
      </Typography.Text>
    </span>
  );
};
