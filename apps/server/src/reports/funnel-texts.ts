import type { TExportLanguage } from '@qianke/contracts/reports/filter';
import type { FunnelGroupBy, FunnelStep } from '@qianke/core/reports/funnel';

/** Titles of the funnel export, in the language the caller asked for. */
export const funnelTexts = (language: TExportLanguage) =>
  language === 'en'
    ? {
        sheet: 'Sales funnel',
        title: 'Sales funnel (cohort: leads created in the period)',
        period: (from: string, to: string, prevFrom: string, prevTo: string) =>
          `Period ${from} – ${to}; previous period ${prevFrom} – ${prevTo}`,
        total: 'All',
        none: '(none)',
        previous: 'Previous period',
        groupBy: {
          source: 'Source',
          consultant: 'Consultant',
          series: 'Series',
          period: 'Period',
        } satisfies Record<FunnelGroupBy, string>,
        steps: {
          leads: 'Leads',
          contacted: 'Contacted',
          visited: 'Visited / called in',
          testDrive: 'Test drive',
          ordered: 'Order',
          delivered: 'Delivered',
        } satisfies Record<FunnelStep, string>,
        conversion: (step: string) => `${step} %`,
      }
    : {
        sheet: '销售漏斗',
        title: '销售漏斗（本期新增线索的转化）',
        period: (from: string, to: string, prevFrom: string, prevTo: string) =>
          `统计期 ${from} 至 ${to}；上期 ${prevFrom} 至 ${prevTo}`,
        total: '合计',
        none: '（无）',
        previous: '上期',
        groupBy: { source: '来源', consultant: '销售顾问', series: '车系', period: '时间' } satisfies Record<
          FunnelGroupBy,
          string
        >,
        steps: {
          leads: '线索',
          contacted: '已联系',
          visited: '到店/来电',
          testDrive: '试驾',
          ordered: '订单',
          delivered: '交车',
        } satisfies Record<FunnelStep, string>,
        conversion: (step: string) => `${step}转化率`,
      };
