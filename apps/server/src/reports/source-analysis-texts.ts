import type { TExportLanguage } from '@qianke/contracts/reports/filter';

/** Titles of the source analysis export. */
export const sourceAnalysisTexts = (language: TExportLanguage) =>
  language === 'en'
    ? {
        sheet: 'Sources',
        title: 'Source analysis: leads, visits and orders per source in the period',
        period: (from: string, to: string, pf: string, pt: string) =>
          `Period ${from} – ${to}; previous period ${pf} – ${pt}`,
        noCost: 'Cost: no campaign records a cost yet, so cost shows as —.',
        total: 'All',
        previous: 'Previous period',
        none: '(no source)',
        source: 'Source',
        leads: 'Leads',
        visits: 'Visits',
        orders: 'Orders',
        leadToOrder: 'Lead-to-order',
        cost: 'Cost',
      }
    : {
        sheet: '来源分析',
        title: '来源分析：统计期内各来源的线索、到店与订单',
        period: (from: string, to: string, pf: string, pt: string) =>
          `统计期 ${from} 至 ${to}；上期 ${pf} 至 ${pt}`,
        noCost: '费用：目前没有活动记录费用，费用显示为“—”。',
        total: '合计',
        previous: '上期',
        none: '（无来源）',
        source: '来源',
        leads: '线索',
        visits: '到店',
        orders: '订单',
        leadToOrder: '线索成交率',
        cost: '费用',
      };
