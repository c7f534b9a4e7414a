import type { TKpiFigure, TKpiReport } from '@qianke/contracts/reports/kpi';
import { isRateMetric, KPI_METRICS, type KpiMetric } from '@qianke/core/reports/kpi';
import { Alert, Button, Card, Col, Empty, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useKpi } from '../api/get-kpi';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { formatRate } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { KpiTargetsForm } from './kpi-targets-form';
import { MonthPicker } from './month-picker';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

const show = (metric: KpiMetric, value: number | null) =>
  value === null ? '—' : isRateMetric(metric) ? formatRate(value) : String(value);

/** One KPI as a card: the actual, the target, the attainment bar and last month. */
const KpiCard = ({ figure, testId }: { figure: TKpiFigure; testId: string }) => {
  const { t } = useTranslation();
  const percent = figure.attainment === null ? 0 : Math.round(figure.attainment * 1000) / 10;
  return (
    <Card size="small" data-testid={testId}>
      <Statistic
        title={t(`reports.management.metrics.${figure.metric}`)}
        valueRender={() => <span data-testid={`${testId}-actual`}>{show(figure.metric, figure.actual)}</span>}
      />
      <Typography.Text type="secondary" data-testid={`${testId}-target`}>
        {figure.target === null
          ? t('reports.kpi.noTarget')
          : `${t('reports.kpi.target')} ${show(figure.metric, figure.target)}`}
      </Typography.Text>
      {figure.attainment !== null ? (
        <Progress
          percent={Math.min(percent, 100)}
          format={() => <span data-testid={`${testId}-attainment`}>{formatRate(figure.attainment)}</span>}
          status={percent >= 100 ? 'success' : 'normal'}
          size="small"
        />
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('reports.kpi.previous', { value: show(figure.metric, figure.previous) })}
      </Typography.Text>
    </Card>
  );
};

const cell = (figure: TKpiFigure | undefined) =>
  figure ? (
    <span>
      {show(figure.metric, figure.actual)}
      {figure.target !== null ? ` / ${show(figure.metric, figure.target)}` : ''}
      {figure.attainment !== null ? (
        <Typography.Text type="secondary"> · {formatRate(figure.attainment)}</Typography.Text>
      ) : null}
    </span>
  ) : (
    '—'
  );

/**
 * KPI dashboard (issue 6): the month against the targets the sales manager sets; the store's cards and
 * its consultants, a consultant's own cards, or a group admin's stores side by side with the roll-up.
 */
export const KpiReport = ({ context, canSetTargets }: { context: ReportContext; canSetTargets: boolean }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useKpi(filter);
  const [target, setTarget] = useState<DrilldownTarget>();
  const [editing, setEditing] = useState(false);
  const data: TKpiReport | undefined = report.data;
  const month = data?.month ?? filter.from.slice(0, 7);
  const group = (data?.stores.length ?? 0) > 1;
  const own = data !== undefined && data.stores.length === 0 && data.consultants.length === 1;
  const headline: TKpiFigure[] | undefined = own
    ? data?.consultants[0]?.figures
    : (data?.rollUp ?? data?.stores[0]?.figures);
  const drill = (metric: KpiMetric, who?: { id: string; name: string }) =>
    setTarget({
      metric,
      key: who?.id,
      title: [t(`reports.management.metrics.${metric}`), who?.name].filter(Boolean).join(' · '),
    });

  const chartOption = useMemo(() => {
    const figures = (headline ?? []).filter((f) => !isRateMetric(f.metric));
    const names = [t('reports.kpi.actual'), t('reports.kpi.target'), t('reports.common.previous')];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: names },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: figures.map((f) => t(`reports.management.metrics.${f.metric}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: names[0],
          type: 'bar',
          label: { show: true, position: 'top' },
          data: figures.map((f) => f.actual ?? 0),
        },
        { name: names[1], type: 'bar', data: figures.map((f) => f.target ?? '-') },
        { name: names[2], type: 'bar', data: figures.map((f) => f.previous ?? 0) },
      ],
    };
  }, [headline, t]);

  const consultantColumns = [
    {
      title: t('reports.kpi.consultants'),
      key: 'who',
      fixed: 'left' as const,
      render: (_: unknown, row: TKpiReport['consultants'][number]) => row.consultant.name,
    },
    ...KPI_METRICS.map((metric) => ({
      title: t(`reports.management.metrics.${metric}`),
      key: metric,
      render: (_: unknown, row: TKpiReport['consultants'][number]) => {
        const figure = row.figures.find((f) => f.metric === metric);
        if (!figure || isRateMetric(metric)) return cell(figure);
        return (
          <span>
            <DrillLink
              value={figure.actual ?? 0}
              onClick={() => drill(metric, row.consultant)}
              testId={`kpi-${metric}-${row.consultant.id}`}
            />
            {figure.target !== null ? ` / ${figure.target}` : ''}
            {figure.attainment !== null ? (
              <Typography.Text type="secondary"> · {formatRate(figure.attainment)}</Typography.Text>
            ) : null}
          </span>
        );
      },
    })),
  ];

  type StoresRow = { metric: KpiMetric };
  const storeColumns = [
    {
      title: '',
      key: 'metric',
      render: (_: unknown, r: StoresRow) => t(`reports.management.metrics.${r.metric}`),
    },
    ...(data?.stores ?? []).map((s) => ({
      title: s.store.name,
      key: s.store.id,
      render: (_: unknown, r: StoresRow) => cell(s.figures.find((f) => f.metric === r.metric)),
    })),
    {
      title: t('reports.kpi.group'),
      key: 'rollup',
      render: (_: unknown, r: StoresRow) => (
        <strong data-testid={`kpi-rollup-${r.metric}`}>
          {cell(data?.rollUp?.find((f) => f.metric === r.metric))}
        </strong>
      ),
    },
  ];

  return (
    <ReportLayout
      title={own ? t('reports.kpi.own') : t('reports.kpi.title')}
      testId="kpi-report"
      report="kpi"
      filter={filter}
      onFilter={setFilter}
      context={context}
      extra={
        <>
          <MonthPicker filter={filter} onFilter={setFilter} testId="kpi-month" />
          {canSetTargets && filter.dealerId !== 'all' ? (
            <Button type="primary" onClick={() => setEditing(true)} data-testid="kpi-set-targets">
              {t('reports.kpi.setTargets')}
            </Button>
          ) : null}
        </>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.kpi.definition', { month })}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      {headline ? (
        <Row gutter={[12, 12]}>
          {headline.map((figure) => (
            <Col xs={12} md={6} key={figure.metric}>
              <KpiCard figure={figure} testId={`kpi-card-${figure.metric}`} />
            </Col>
          ))}
        </Row>
      ) : report.isPending ? null : (
        <Empty description={t('reports.common.empty')} />
      )}
      <Card size="small" title={t('reports.kpi.chart')}>
        <ReportChart
          option={chartOption}
          testId="kpi-chart"
          ariaLabel={t('reports.kpi.chart')}
          onPointClick={(point) => {
            const metric = headline?.[point.dataIndex]?.metric;
            if (metric && !isRateMetric(metric))
              drill(metric, own ? data?.consultants[0]?.consultant : undefined);
          }}
        />
      </Card>
      {group ? (
        <Card size="small" title={t('reports.kpi.stores')}>
          <Table<StoresRow>
            size="small"
            rowKey="metric"
            dataSource={KPI_METRICS.map((metric) => ({ metric }))}
            columns={storeColumns}
            pagination={false}
            scroll={{ x: true }}
            data-testid="kpi-stores"
          />
        </Card>
      ) : null}
      {!own ? (
        <Card size="small" title={t('reports.kpi.consultants')}>
          <Table<TKpiReport['consultants'][number]>
            size="small"
            rowKey={(r) => r.consultant.id}
            dataSource={data?.consultants ?? []}
            columns={consultantColumns}
            loading={report.isPending}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: true }}
            locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
            data-testid="kpi-consultants"
          />
        </Card>
      ) : null}
      {canSetTargets ? (
        <KpiTargetsForm month={month} open={editing} onClose={() => setEditing(false)} />
      ) : null}
      <DrilldownDrawer
        report="kpi"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
