import { LEAD_STATUSES } from '@qianke/contracts/customers';
import { LEVELS } from '@qianke/core/leads/grading';
import { HORIZONS } from '@qianke/core/leads/horizon';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomersListParams } from '../api/get-customers';
import { useFormOptions } from '../api/get-form-options';
import { hasAnyFilter } from '../hooks/use-customer-filters';
import { SourceSelect } from './source-select';

type CustomerFiltersBarProps = {
  filters: CustomersListParams;
  update: (patch: Partial<CustomersListParams>) => void;
  clear: () => void;
  /** Consultants see only their own customers: no owner filter for them. */
  showOwnerFilter: boolean;
};

/** The search box and filters of the customer list; every change goes into the address bar. */
export const CustomerFiltersBar = ({ filters, update, clear, showOwnerFilter }: CustomerFiltersBarProps) => {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filters.q ?? '');
  const options = useFormOptions();
  // Back/forward in the browser changes the address: keep the search box in step.
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  return (
    <Flex wrap gap={12} align="center">
      <Input.Search
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => update({ q: value.trim() || undefined })}
        allowClear
        placeholder={t('customers.list.searchPlaceholder')}
        aria-label={t('customers.list.searchPlaceholder')}
        style={{ width: 300 }}
        data-testid="customers-search"
      />
      <Select
        value={filters.level}
        onChange={(level) => update({ level })}
        allowClear
        placeholder={t('customers.fields.level')}
        aria-label={t('customers.fields.level')}
        style={{ width: 110 }}
        options={LEVELS.map((level) => ({ value: level, label: level }))}
        data-testid="customers-filter-level"
      />
      <Select
        value={filters.horizon}
        onChange={(horizon) => update({ horizon })}
        allowClear
        placeholder={t('customers.fields.horizon')}
        aria-label={t('customers.fields.horizon')}
        style={{ width: 150 }}
        options={HORIZONS.map((h) => ({ value: h, label: t(`customers.horizons.${h}`) }))}
        data-testid="customers-filter-horizon"
      />
      <SourceSelect
        mode="filter"
        value={filters.sourceId}
        onChange={(sourceId) => update({ sourceId })}
        style={{ width: 180 }}
        data-testid="customers-filter-source"
      />
      {showOwnerFilter && (
        <Select
          value={filters.ownerId}
          onChange={(ownerId) => update({ ownerId })}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('customers.fields.owner')}
          aria-label={t('customers.fields.owner')}
          style={{ width: 150 }}
          loading={options.isPending}
          options={(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="customers-filter-owner"
        />
      )}
      <Select
        value={filters.status}
        onChange={(status) => update({ status })}
        allowClear
        placeholder={t('customers.fields.status')}
        aria-label={t('customers.fields.status')}
        style={{ width: 120 }}
        options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
        data-testid="customers-filter-status"
      />
      <DatePicker.RangePicker
        value={[
          filters.createdFrom ? dayjs(filters.createdFrom) : null,
          filters.createdTo ? dayjs(filters.createdTo) : null,
        ]}
        onChange={(range) =>
          update({
            createdFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            createdTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        allowEmpty={[true, true]}
        placeholder={[t('customers.list.createdFrom'), t('customers.list.createdTo')]}
        aria-label={t('customers.list.createdRange')}
        data-testid="customers-filter-dates"
      />
      {hasAnyFilter(filters) && (
        <Button type="link" onClick={clear} data-testid="customers-clear-filters">
          {t('customers.list.clearFilters')}
        </Button>
      )}
    </Flex>
  );
};
