import type { TTrafficReport } from '@qianke/contracts/reports/traffic';
import { Alert, Button, Card, Col, Empty, Row, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useTraffic } from '../api/get-traffic';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue, formatRate } from './compared-value';
import { DrilldownDrawer } from './drilldown-drawer';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Figures = TTrafficReport['current'];
type Consultant = TTrafficReport['consultants'][number];
const COUNTS = ['visits', 'firstVisits', 'repeatVisits', 'leftContact', 'valid', 'ordered'] as const;
const RATES = ['retentionRate', 'validRate', 'visitToOrderRate'] as const;

/** Showroom traffic (issue 6): visits by hour and weekday, first/repeat, party size, stay, retention. */
export const TrafficReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter } = useReportFilter(context.timeZone);
  const traffic = useTraffic(filter);
  const [target, setTarget] = useState<DrilldownTarget>();
  const data = traffic.data;
  const pair = (key: keyof Figures) => ({
    current: data?.current[key] ?? null,
    previous: data?.previous[key] ?? null,
  });
  const drill = (metric: (typeof COUNTS)[number], consultant?: Consultant) =>
    setTarget({
      metric,
      key: consultant?.key,
      title: [
        t(`reports.traffic.metrics.${metric}`),
        consultant ? consultant.name || t('reports.common.none') : null,
      ]
        .filter(Boolean)
        .join(' · '),
    });

  const hourOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => `${h}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('reports.traffic.metrics.visits'), type: 'bar', data: data?.byHour ?? [] }],
    }),
    [data, t],
  );
  const weekdayOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: {
        type: 'category',
        data: [1, 2, 3, 4, 5, 6, 7].map((d) => t(`reports.traffic.weekdays.${d}` as never)),
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('reports.traffic.metrics.visits'), type: 'bar', data: data?.byWeekday ?? [] }],
    }),
    [data, t],
  );

  return (
    <ReportLayout
      title={t('reports.traffic.title')}
      testId="traffic-report"
      report="traffic"
      filter={filter}
      onFilter={setFilter}
      context={context}
    >
      {traffic.isError ? <Alert type="error" showIcon title={describeApiError(traffic.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        {COUNTS.map((metric) => (
          <Col key={metric} xs={12} md={8} xl={4}>
            <Card size="small" hoverable onClick={() => drill(metric)} data-testid={`traffic-${metric}`}>
              <Statistic
                title={t(`reports.traffic.metrics.${metric}`)}
                valueRender={() => <ComparedValue value={pair(metric)} testId={`traffic-count-${metric}`} />}
              />
            </Card>
          </Col>
        ))}
        {RATES.map((metric) => (
          <Col key={metric} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(`reports.traffic.metrics.${metric}`)}
                valueRender={() => <ComparedValue value={pair(metric)} rate testId={`traffic-${metric}`} />}
              />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={t('reports.traffic.metrics.averageStayMinutes')}
              valueRender={() => <ComparedValue value={pair('averageStayMinutes')} />}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={t('reports.traffic.metrics.averagePartySize')}
              valueRender={() => <ComparedValue value={pair('averagePartySize')} />}
            />
          </Card>
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic
              title={t('reports.traffic.partySizes')}
              value={(data?.partySizes ?? []).map((n, i) => `${i === 4 ? '5+' : i + 1}:${n}`).join('  ')}
              valueStyle={{ fontSize: 14 }}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('reports.traffic.byHour')}>
            <ReportChart
              option={hourOption}
              height={260}
              testId="traffic-hour-chart"
              ariaLabel={t('reports.traffic.byHour')}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('reports.traffic.byWeekday')}>
            <ReportChart
              option={weekdayOption}
              height={260}
              testId="traffic-weekday-chart"
              ariaLabel={t('reports.traffic.byWeekday')}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('reports.traffic.perConsultant')}>
        <Table<Consultant>
          rowKey="key"
          size="small"
          loading={traffic.isFetching}
          dataSource={data?.consultants ?? []}
          locale={{ emptyText: <Empty description={t('reports.common.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              key: 'name',
              title: t('reports.common.consultant'),
              render: (_, c) => c.name || t('reports.common.none'),
            },
            ...COUNTS.map((metric) => ({
              key: metric,
              title: t(`reports.traffic.metrics.${metric}`),
              align: 'right' as const,
              render: (_: unknown, c: Consultant) => (
                <Button
                  type="link"
                  size="small"
                  disabled={c.figures[metric] === 0}
                  onClick={() => drill(metric, c)}
                >
                  {c.figures[metric]}
                </Button>
              ),
            })),
            ...RATES.map((metric) => ({
              key: metric,
              title: t(`reports.traffic.metrics.${metric}`),
              align: 'right' as const,
              render: (_: unknown, c: Consultant) => formatRate(c.figures[metric]),
            })),
          ]}
        />
      </Card>
      <DrilldownDrawer
        report="traffic"
        filter={filter}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
