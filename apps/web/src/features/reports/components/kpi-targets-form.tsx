import type { TKpiMetric, TKpiTargetValue } from '@qianke/contracts/reports/kpi';
import { isRateMetric, KPI_METRICS } from '@qianke/core/reports/kpi';
import { Alert, App, Button, Drawer, Flex, InputNumber, Skeleton, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { useKpiTargets } from '../api/get-kpi-targets';
import { useSetKpiTargets } from '../api/set-kpi-targets';

type Who = { id: string | null; name: string };
const cellKey = (consultantId: string | null, metric: TKpiMetric) => `${consultantId ?? 'store'}:${metric}`;
/** Rates are typed as percentages (95) and stored as shares (0.95). */
const shown = (metric: TKpiMetric, value: number) =>
  isRateMetric(metric) ? Math.round(value * 1000) / 10 : value;
const stored = (metric: TKpiMetric, value: number) =>
  isRateMetric(metric) ? Math.round(value * 10) / 1000 : value;

/** The sales manager's form for a month's targets: the store and each consultant, one cell per KPI. */
export const KpiTargetsForm = ({
  month,
  open,
  onClose,
}: {
  month: string;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const targets = useKpiTargets(month, open);
  const save = useSetKpiTargets();
  const [values, setValues] = useState<Record<string, number | null>>({});
  const [initial, setInitial] = useState<Record<string, number | null>>({});

  useEffect(() => {
    if (!targets.data) return;
    const next: Record<string, number | null> = {};
    for (const target of targets.data.targets)
      next[cellKey(target.consultantId, target.metric)] = shown(target.metric, target.target);
    setValues(next);
    setInitial(next);
  }, [targets.data]);

  const people: Who[] = useMemo(
    () => [{ id: null, name: t('reports.kpi.store') }, ...(targets.data?.consultants ?? [])],
    [targets.data, t],
  );

  // The server names a field by its position in the list sent: targets.<i>.target.
  const [sent, setSent] = useState<TKpiTargetValue[]>([]);
  const fieldErrors = isApiError(save.error) ? (save.error.fields ?? {}) : {};
  const errorOf = (consultantId: string | null, metric: TKpiMetric) => {
    const i = sent.findIndex((s) => s.consultantId === consultantId && s.metric === metric);
    return i < 0 ? undefined : (fieldErrors[`targets.${i}.target`] ?? fieldErrors[`targets.${i}.metric`]);
  };

  const submit = () => {
    const changes: TKpiTargetValue[] = [];
    for (const who of people)
      for (const metric of KPI_METRICS) {
        const key = cellKey(who.id, metric);
        const value = values[key] ?? null;
        if (value === (initial[key] ?? null)) continue;
        changes.push({ consultantId: who.id, metric, target: value === null ? null : stored(metric, value) });
      }
    if (changes.length === 0) {
      onClose();
      return;
    }
    setSent(changes);
    save.mutate(
      { month, targets: changes },
      {
        onSuccess: () => {
          void message.success(t('reports.kpi.saved'));
          onClose();
        },
      },
    );
  };

  const columns = [
    { title: t('reports.kpi.who'), dataIndex: 'name', key: 'name', fixed: 'left' as const, width: 120 },
    ...KPI_METRICS.map((metric) => ({
      title: `${t(`reports.management.metrics.${metric}`)}${isRateMetric(metric) ? ' %' : ''}`,
      key: metric,
      width: 130,
      render: (_: unknown, who: Who) => {
        const error = errorOf(who.id, metric);
        const testId = `kpi-target-${who.id ?? 'store'}-${metric}`;
        return (
          <Flex vertical gap={2}>
            <InputNumber
              min={0}
              max={isRateMetric(metric) ? 100 : undefined}
              precision={isRateMetric(metric) ? 1 : 0}
              value={values[cellKey(who.id, metric)] ?? null}
              onChange={(value) => setValues((v) => ({ ...v, [cellKey(who.id, metric)]: value ?? null }))}
              status={error ? 'error' : undefined}
              aria-label={`${who.name} ${t(`reports.management.metrics.${metric}`)}`}
              aria-invalid={error ? true : undefined}
              data-testid={testId}
              style={{ width: '100%' }}
            />
            {error ? (
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`${testId}-error`}>
                {error}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    })),
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={t('reports.kpi.targetsTitle', { month })}
      destroyOnHidden
      data-testid="kpi-targets-form"
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('reports.kpi.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="kpi-targets-save">
            {t('reports.kpi.save')}
          </Button>
        </Flex>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Typography.Paragraph type="secondary">{t('reports.kpi.targetsHint')}</Typography.Paragraph>
        {save.isError && Object.keys(fieldErrors).length === 0 ? (
          <Alert type="error" showIcon title={describeApiError(save.error, t)} style={{ marginBottom: 12 }} />
        ) : null}
        {targets.isError ? <Alert type="error" showIcon title={describeApiError(targets.error, t)} /> : null}
        {targets.isPending ? (
          <Skeleton active />
        ) : (
          <Table<Who>
            size="small"
            rowKey={(w) => w.id ?? 'store'}
            dataSource={people}
            columns={columns}
            pagination={false}
            scroll={{ x: true }}
          />
        )}
        <button type="submit" hidden aria-hidden />
      </form>
    </Drawer>
  );
};
