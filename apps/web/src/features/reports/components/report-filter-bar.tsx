import type { TReportFilterInput } from '@qianke/contracts/reports/filter';
import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReportOptions } from '../api/get-report-options';
import type { ReportContext } from '../report-context';

/**
 * The filter every report shares: period (store days), store (a group admin: any store of the group or
 * the roll-up), consultant (hidden when the figures are the caller's own), source, series, campaign.
 */
export const ReportFilterBar = ({
  value,
  onChange,
  context,
}: {
  value: TReportFilterInput;
  onChange: (patch: Partial<TReportFilterInput>) => void;
  context: ReportContext;
}) => {
  const { t } = useTranslation();
  const options = useReportOptions();
  const en = context.language === 'en';
  const data = options.data;
  const depth = (id: string | null): number => {
    let level = 0;
    let parent = id;
    while (parent && level < 3) {
      parent = data?.sources.find((s) => s.id === parent)?.parentId ?? null;
      level += 1;
    }
    return level;
  };
  return (
    <Flex gap={12} wrap align="center" data-testid="report-filter-bar">
      <DatePicker.RangePicker
        allowClear={false}
        value={[dayjs(value.from), dayjs(value.to)]}
        onChange={(range) => {
          const [from, to] = [range?.[0], range?.[1]];
          if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
        }}
        aria-label={t('reports.common.period')}
        data-testid="report-filter-period"
      />
      {context.groupAdmin && (data?.stores.length ?? 0) > 1 ? (
        <Select
          allowClear
          style={{ width: 180 }}
          placeholder={t('reports.common.store')}
          aria-label={t('reports.common.store')}
          value={value.dealerId}
          onChange={(dealerId) => onChange({ dealerId })}
          options={[
            { value: 'all', label: t('reports.common.allStores') },
            ...(data?.stores ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
          data-testid="report-filter-store"
        />
      ) : null}
      {context.ownFiguresOnly ? null : (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 160 }}
          placeholder={t('reports.common.consultant')}
          aria-label={t('reports.common.consultant')}
          value={value.consultantId}
          onChange={(consultantId) => onChange({ consultantId })}
          options={(data?.consultants ?? []).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="report-filter-consultant"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 180 }}
        placeholder={t('reports.common.source')}
        aria-label={t('reports.common.source')}
        value={value.sourceId}
        onChange={(sourceId) => onChange({ sourceId })}
        options={(data?.sources ?? []).map((s) => ({
          value: s.id,
          label: `${'\u00a0\u00a0'.repeat(Math.max(0, depth(s.parentId)))}${en ? s.nameEn : s.nameZh}`,
        }))}
        data-testid="report-filter-source"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 150 }}
        placeholder={t('reports.common.series')}
        aria-label={t('reports.common.series')}
        value={value.seriesId}
        onChange={(seriesId) => onChange({ seriesId })}
        options={(data?.series ?? []).map((s) => ({
          value: s.id,
          label: en ? (s.nameEn ?? s.name) : s.name,
        }))}
        data-testid="report-filter-series"
      />
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('reports.common.campaign')}
        aria-label={t('reports.common.campaign')}
        value={value.campaignCode}
        onChange={(campaignCode) => onChange({ campaignCode })}
        options={(data?.campaignCodes ?? []).map((code) => ({ value: code, label: code }))}
        data-testid="report-filter-campaign"
      />
    </Flex>
  );
};
