import type {
  TFunnelGroupBy,
  TFunnelQueryInput,
  TFunnelReport,
  TFunnelStep,
} from '@qianke/contracts/reports/funnel';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useFunnel } from '../api/get-funnel';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue, formatRate } from './compared-value';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

const STEPS: readonly TFunnelStep[] = ['leads', 'contacted', 'visited', 'testDrive', 'ordered', 'delivered'];
const GROUP_BY: readonly TFunnelGroupBy[] = ['source', 'consultant', 'series', 'period'];

type Group = TFunnelReport['groups'][number];

/** The sales funnel (issue 6): steps with the previous period, a chart, and the breakdown. */
export const FunnelReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter, param, setParam } = useReportFilter(context.timeZone);
  const groupByParam = param('groupBy');
  const groupBy: TFunnelGroupBy = GROUP_BY.includes(groupByParam as TFunnelGroupBy)
    ? (groupByParam as TFunnelGroupBy)
    : 'source';
  const query: TFunnelQueryInput = { ...filter, groupBy };
  const funnel = useFunnel(query);
  const [target, setTarget] = useState<DrilldownTarget>();
  const stepName = (step: TFunnelStep) => t(`reports.funnel.steps.${step}`);
  const groupLabel = (group: Group) =>
    group.key === ''
      ? t('reports.common.none')
      : context.language === 'en'
        ? (group.labelEn ?? group.label)
        : group.label || group.key;

  const chartOption = useMemo(() => {
    const steps = funnel.data?.steps ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('reports.common.current'), t('reports.common.previous')] },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: steps.map((s) => t(`reports.funnel.steps.${s.step}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('reports.common.current'),
          type: 'bar',
          data: steps.map((s) => s.count.current),
          label: { show: true, position: 'top' },
        },
        { name: t('reports.common.previous'), type: 'bar', data: steps.map((s) => s.count.previous) },
      ],
    };
  }, [funnel.data, t]);

  const drill = (step: TFunnelStep, group?: Group, period: 'current' | 'previous' = 'current') =>
    setTarget({
      metric: step,
      key: group?.key,
      period,
      title: [
        stepName(step),
        group ? groupLabel(group) : null,
        period === 'previous' ? t('reports.common.previous') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    });

  const columns = [
    {
      key: 'label',
      title: t(`reports.funnel.groupBy.${groupBy}`),
      render: (_: unknown, group: Group) => groupLabel(group),
    },
    ...STEPS.map((step) => ({
      key: step,
      title: stepName(step),
      align: 'right' as const,
      render: (_: unknown, group: Group) => (
        <Button
          type="link"
          size="small"
          disabled={group.counts[step] === 0}
          onClick={() => drill(step, group)}
          data-testid={`funnel-cell-${step}`}
        >
          {group.counts[step]}
        </Button>
      ),
    })),
    {
      key: 'rate',
      title: t('reports.funnel.leadToOrder'),
      align: 'right' as const,
      render: (_: unknown, group: Group) =>
        formatRate(group.counts.leads ? group.counts.ordered / group.counts.leads : null),
    },
  ];

  return (
    <ReportLayout
      title={t('reports.funnel.title')}
      testId="funnel-report"
      report="funnel"
      filter={filter}
      onFilter={setFilter}
      exportFilter={query}
      context={context}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('reports.funnel.definition')}
      </Typography.Paragraph>
      {funnel.isError ? <Alert type="error" showIcon title={describeApiError(funnel.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        {(funnel.data?.steps ?? []).map((s) => (
          <Col key={s.step} xs={12} md={8} xl={4}>
            <Card
              size="small"
              hoverable
              onClick={() => drill(s.step)}
              data-testid={`funnel-step-${s.step}`}
              role="button"
              tabIndex={0}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') drill(s.step);
              }}
            >
              <Statistic
                title={stepName(s.step)}
                valueRender={() => <ComparedValue value={s.count} testId={`funnel-count-${s.step}`} />}
              />
              {s.step === 'leads' ? (
                <Typography.Text type="secondary">
                  {t('reports.funnel.overall', { rate: formatRate(funnel.data?.overall.current) })}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">
                  {t('reports.funnel.conversion')} <ComparedValue value={s.conversion} rate />
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <ReportChart
          option={chartOption}
          testId="funnel-chart"
          ariaLabel={t('reports.funnel.chart')}
          onPointClick={(point) => {
            const step = STEPS[point.dataIndex];
            if (step)
              drill(
                step,
                undefined,
                point.seriesName === t('reports.common.previous') ? 'previous' : 'current',
              );
          }}
        />
      </Card>
      <Card
        size="small"
        title={
          <Flex align="center" gap={12}>
            <span>{t('reports.funnel.breakdown')}</span>
            <Segmented<TFunnelGroupBy>
              value={groupBy}
              onChange={(value) => setParam('groupBy', value)}
              options={GROUP_BY.filter((g) => !(context.ownFiguresOnly && g === 'consultant')).map((g) => ({
                value: g,
                label: t(`reports.funnel.groupBy.${g}`),
              }))}
              data-testid="funnel-group-by"
            />
          </Flex>
        }
      >
        <Table<Group>
          rowKey="key"
          size="small"
          loading={funnel.isFetching}
          columns={columns}
          dataSource={funnel.data?.groups ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          data-testid="funnel-table"
        />
      </Card>
      <DrilldownDrawer
        report="funnel"
        filter={query}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
