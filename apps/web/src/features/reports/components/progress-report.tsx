import type { TConsultantLedger, TLedgerRow, TLedgerSummary } from '@qianke/contracts/reports/progress';
import { storeDateOf } from '@qianke/core/showroom/store-day';
import { Alert, Card, Col, Empty, Flex, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import type { DrilldownTarget } from '../api/get-drilldown';
import { useProgress } from '../api/get-progress';
import { useReportFilter } from '../hooks/use-report-filter';
import type { ReportContext } from '../report-context';
import { ComparedValue } from './compared-value';
import { DrillLink } from './drill-link';
import { DrilldownDrawer } from './drilldown-drawer';
import { COUNT_LEVELS, LEVEL_COLOURS } from './level-counts';
import { MonthPicker } from './month-picker';
import { ReportChart } from './report-chart';
import { ReportLayout } from './report-layout';

type Metric = 'opening' | 'new' | 'upgraded' | 'downgraded' | 'sold' | 'defeated' | 'carried';
const TOTALS: readonly Metric[] = ['opening', 'new', 'sold', 'defeated', 'carried'];
type View = 'ledger' | 'rollover';

const figureOf = (s: TLedgerSummary, metric: Metric) => (metric === 'opening' ? s.openingTotal : s[metric]);

/**
 * Intention customer progress table (意向客户进度管制表, issue 6): per consultant the leads of the month
 * with their level changes and results; the roll-over view strikes out the sold and defeated (month end).
 */
export const ProgressReport = ({ context }: { context: ReportContext }) => {
  const { t } = useTranslation();
  const { filter, setFilter, param, setParam } = useReportFilter(context.timeZone);
  const report = useProgress(filter);
  const [target, setTarget] = useState<DrilldownTarget & { level?: string }>();
  const view: View = param('view') === 'rollover' ? 'rollover' : 'ledger';
  const data = report.data;
  const day = (iso: string) => storeDateOf(new Date(iso), context.timeZone).slice(5);
  const drill = (metric: Metric, who?: TConsultantLedger, level?: string) =>
    setTarget({
      metric,
      key: who?.consultant.id,
      ...(level ? { level } : {}),
      title: [t(`reports.progress.metrics.${metric}`), level, who?.consultant.name]
        .filter(Boolean)
        .join(' · '),
    });

  const chartOption = useMemo(() => {
    const ledgers = data?.consultants ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: COUNT_LEVELS.map((l) => t(`reports.management.levels.${l}`)) },
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      xAxis: { type: 'category', data: ledgers.map((l) => l.consultant.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: COUNT_LEVELS.map((level) => ({
        name: t(`reports.management.levels.${level}`),
        type: 'bar',
        stack: 'carried',
        itemStyle: { color: LEVEL_COLOURS[level] },
        data: ledgers.map((l) => l.summary.closing[level]),
      })),
    };
  }, [data, t]);

  const rowsColumns = (ledger: TConsultantLedger) =>
    [
      {
        title: t('reports.common.cardNo'),
        dataIndex: ['customer', 'cardNo'],
        sorter: (a: TLedgerRow, b: TLedgerRow) => a.customer.cardNo.localeCompare(b.customer.cardNo),
      },
      {
        title: t('reports.common.customer'),
        dataIndex: ['customer', 'name'],
        sorter: (a: TLedgerRow, b: TLedgerRow) => a.customer.name.localeCompare(b.customer.name, 'zh-CN'),
      },
      { title: t('reports.common.series'), dataIndex: 'seriesName', render: (v: string | null) => v ?? '—' },
      {
        title: t('reports.progress.levelAtStart'),
        dataIndex: 'levelAtStart',
        render: (v: string | null, row: TLedgerRow) =>
          row.isNew ? <Tag color="green">{t('reports.progress.new')}</Tag> : (v ?? '—'),
      },
      {
        title: t('reports.progress.changes'),
        dataIndex: 'changes',
        render: (changes: TLedgerRow['changes']) =>
          changes.length === 0
            ? '—'
            : changes.map((c) => (
                <div key={c.at}>
                  {day(c.at)} {c.from ?? '—'} → {c.to}
                </div>
              )),
      },
      {
        title: t('reports.progress.levelAsOf'),
        dataIndex: 'levelAsOf',
        render: (v: string | null) => v ?? '—',
        sorter: (a: TLedgerRow, b: TLedgerRow) => (a.levelAsOf ?? 'Z').localeCompare(b.levelAsOf ?? 'Z'),
      },
      {
        title: t('reports.progress.result'),
        dataIndex: 'result',
        render: (v: TLedgerRow['result'], row: TLedgerRow) =>
          v ? (
            <Tag color={v === 'sold' ? 'success' : 'default'}>
              {t(`reports.progress.results.${v}`)} {row.resultAt ? day(row.resultAt) : ''}
            </Tag>
          ) : (
            '—'
          ),
      },
    ].map((c) => ({ ...c, key: `${ledger.consultant.id}-${String(c.dataIndex)}` }));

  return (
    <ReportLayout
      title={t('reports.progress.title')}
      testId="progress-report"
      report="progress"
      filter={filter}
      onFilter={setFilter}
      context={context}
      extra={
        <Flex gap={8} wrap>
          <MonthPicker filter={filter} onFilter={setFilter} testId="progress-month" />
          <Segmented<View>
            value={view}
            onChange={(v) => setParam('view', v === 'rollover' ? 'rollover' : undefined)}
            options={[
              { value: 'ledger', label: t('reports.progress.viewLedger') },
              { value: 'rollover', label: t('reports.progress.viewRollover') },
            ]}
            data-testid="progress-view"
          />
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t(view === 'rollover' ? 'reports.progress.rolloverHint' : 'reports.progress.definition', {
          month: data?.month ?? '',
        })}
      </Typography.Paragraph>
      {report.isError ? <Alert type="error" showIcon title={describeApiError(report.error, t)} /> : null}
      <Row gutter={[12, 12]}>
        {TOTALS.map((metric) => (
          <Col xs={12} md={4} key={metric}>
            <Card
              size="small"
              hoverable
              role="button"
              tabIndex={0}
              data-testid={`progress-total-${metric}`}
              onClick={() => drill(metric)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') drill(metric);
              }}
            >
              <Statistic
                title={t(`reports.progress.metrics.${metric}`)}
                valueRender={() =>
                  data ? (
                    <ComparedValue
                      value={{
                        current: figureOf(data.total.current, metric),
                        previous: figureOf(data.total.previous, metric),
                      }}
                      testId={`progress-count-${metric}`}
                    />
                  ) : (
                    '—'
                  )
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('reports.progress.chart')}>
        {(data?.consultants.length ?? 0) === 0 ? (
          <Empty description={t('reports.common.empty')} />
        ) : (
          <ReportChart
            option={chartOption}
            testId="progress-chart"
            ariaLabel={t('reports.progress.chart')}
            onPointClick={(point) => {
              const who = data?.consultants[point.dataIndex];
              const level = COUNT_LEVELS.find(
                (l) => t(`reports.management.levels.${l}`) === point.seriesName,
              );
              if (who && level) drill('carried', who, level);
            }}
          />
        )}
      </Card>
      {data?.consultants.length === 0 ? <Empty description={t('reports.common.empty')} /> : null}
      {data?.consultants.map((ledger) => {
        const s = ledger.summary;
        return (
          <Card
            key={ledger.consultant.id}
            size="small"
            title={ledger.consultant.name}
            data-testid={`progress-ledger-${ledger.consultant.id}`}
            extra={
              <Flex gap={12} wrap>
                {(['opening', 'new', 'upgraded', 'downgraded', 'sold', 'defeated', 'carried'] as const).map(
                  (metric) => (
                    <span key={metric}>
                      {t(`reports.progress.metrics.${metric}`)}{' '}
                      <DrillLink
                        value={figureOf(s, metric)}
                        onClick={() => drill(metric, ledger)}
                        testId={`progress-${metric}-${ledger.consultant.id}`}
                      />
                    </span>
                  ),
                )}
              </Flex>
            }
          >
            {view === 'rollover' ? (
              <Typography.Paragraph
                style={{ marginBottom: 8 }}
                data-testid={`progress-rollover-${ledger.consultant.id}`}
              >
                {t('reports.progress.carriedByLevel', {
                  count: s.carried,
                  levels: COUNT_LEVELS.filter((l) => s.closing[l] > 0)
                    .map((l) => `${t(`reports.management.levels.${l}`)} ${s.closing[l]}`)
                    .join(' · '),
                })}
              </Typography.Paragraph>
            ) : null}
            <Table<TLedgerRow>
              size="small"
              rowKey="leadId"
              dataSource={ledger.rows}
              columns={rowsColumns(ledger)}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description={t('reports.progress.noLeads')} /> }}
              onRow={(row) => ({
                style:
                  view === 'rollover' && row.struck
                    ? { textDecoration: 'line-through', opacity: 0.55 }
                    : undefined,
                'data-struck': row.struck ? 'true' : 'false',
              })}
            />
          </Card>
        );
      })}
      <DrilldownDrawer
        report="progress"
        filter={{ ...filter, ...(target?.level ? { level: target.level } : {}) }}
        target={target}
        onClose={() => setTarget(undefined)}
        context={context}
      />
    </ReportLayout>
  );
};
