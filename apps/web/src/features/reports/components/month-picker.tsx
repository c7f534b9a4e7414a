import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** The month of a monthly report: picks the whole month as the period (`from` = 1st, `to` = last day). */
export const MonthPicker = ({
  filter,
  onFilter,
  testId,
}: {
  filter: TReportFilterInput;
  onFilter: (patch: Partial<TReportFilterInput>) => void;
  testId: string;
}) => {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(filter.from)}
      onChange={(value) => {
        if (value)
          onFilter({
            from: value.startOf('month').format('YYYY-MM-DD'),
            to: value.endOf('month').format('YYYY-MM-DD'),
          });
      }}
      aria-label={t('reports.management.month')}
      data-testid={testId}
    />
  );
};
