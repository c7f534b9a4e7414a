import type { TSourceAnalysisReport } from '@qianke/contracts/reports/source-analysis';
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useSourceAnalysis } from '../api/get-source-analysis';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue } from './compared-value';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Source = TSourceAnalysisReport['sources'][number];
const METRICS = ['leads', 'visits', 'orders'] as const;

/** Source analysis (issue 6): leads, visits, orders and cost per source. */
export const SourceAnalysisReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const report = useSourceAnalysis(filter);
  const [target, setTarget] = useState<DrilldownTarget>();
  const data = report.data;
  const nameOf = (s: Source) =>
    s.key === '' ? t('reports.common.none') : (context.language === 'en' ? s.nameEn : s.name) || s.name;
  const drill = (metric: (typeof METRICS)[number], source?: Source) =>
    setTarget({
      metric,
      key: source?.key,
      title: [t(`reports.sources.metrics.${metric}`), source ? nameOf(source) : null]
        .filter(Boolean)
        .join(' · '),
    });
  const option = useMemo(() => {
    const sources = data?.sources ?? [];
    const label = (s: Source) =>
      s.key === '' ? t('reports.common.none') : (context.language === 'en' ? s.nameEn : s.name) || s.name;
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: METRICS.map((m) => t(`reports.sources.metrics.${m}`)) },
      grid: { left: 40, right: 16, top: 40, bottom: 60 },
      xAxis: { type: 'category', data: sources.map(label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: METRICS.map((m) => ({
        name: t(`reports.sources.metrics.${m}`),
        type: 'bar',
        data: sources.map((s) => s.current[m]),
      })),
    };
  }, [data, t, context.language]);

  return (
    <ReportLayout
      title={t('reports.sources.title')}
      testId="sources-report"
      report="sources"
      filter={filter}
      onFilter={setFilter}
      context={context}
    >
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      {data && !data.costRecorded ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="sources-no-cost">
          {t('reports.sources.noCost')}
        </Typography.Paragraph>
      ) : null}
      <Card size="small">
        <ReportChart
          option={option}
          testId="sources-chart"
          ariaLabel={t('reports.sources.chart')}
          onPointClick={(point) => {
            const source = data?.sources[point.dataIndex];
            const metric = METRICS.find((m) => t(`reports.sources.metrics.${m}`) === point.seriesName);
            if (source && metric) drill(metric, source);
          }}
        />
      </Card>
      <Card size="small">
        <Table<Source>
          data-testid="sources-table"
          rowKey="key"
          size="small"
          loading={report.isFetching}
          dataSource={data?.sources ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { key: 'name', title: t('reports.common.source'), render: (_, s) => nameOf(s) },
            ...METRICS.map((metric) => ({
              key: metric,
              title: t(`reports.sources.metrics.${metric}`),
              align: 'right' as const,
              render: (_: unknown, s: Source) => (
                <Button
                  type="link"
                  size="small"
                  disabled={s.current[metric] === 0}
                  onClick={() => drill(metric, s)}
                >
                  <ComparedValue value={{ current: s.current[metric], previous: s.previous[metric] }} />
                </Button>
              ),
            })),
            {
              key: 'rate',
              title: t('reports.sources.leadToOrder'),
              align: 'right' as const,
              render: (_: unknown, s: Source) => (
                <ComparedValue
                  value={{ current: s.current.leadToOrderRate, previous: s.previous.leadToOrderRate }}
                  rate
                />
              ),
            },
            {
              key: 'cost',
              title: t('reports.sources.cost'),
              align: 'right' as const,
              render: (_: unknown, s: Source) => s.current.cost ?? '—',
            },
          ]}
        />
      </Card>
      <DrilldownDrawer
        report="sources"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
