import type { TExportLanguage } from '@qianke/contracts/reports/filter';

/** Titles of the showroom traffic export. */
export const trafficTexts = (language: TExportLanguage) =>
  language === 'en'
    ? {
        sheet: 'Showroom traffic',
        title: 'Showroom traffic (visits that arrived in the period)',
        period: (from: string, to: string, pf: string, pt: string) =>
          `Period ${from} – ${to}; previous period ${pf} – ${pt}`,
        total: 'All',
        previous: 'Previous period',
        none: '(no consultant)',
        consultant: 'Duty consultant',
        columns: {
          visits: 'Visits',
          phoneIns: 'Phone-ins',
          people: 'People',
          firstVisits: 'First visits',
          repeatVisits: 'Repeat visits',
          leftContact: 'Left details',
          valid: 'Valid customers',
          ordered: 'Ordered',
          averagePartySize: 'Avg party size',
          averageStayMinutes: 'Avg stay (min)',
          retentionRate: 'Info retention rate',
          validRate: 'Valid-customer rate',
          visitToOrderRate: 'Visit-to-order rate',
        },
      }
    : {
        sheet: '展厅客流',
        title: '展厅客流（统计期内到店）',
        period: (from: string, to: string, pf: string, pt: string) =>
          `统计期 ${from} 至 ${to}；上期 ${pf} 至 ${pt}`,
        total: '合计',
        previous: '上期',
        none: '（未分配顾问）',
        consultant: '接待顾问',
        columns: {
          visits: '到店批次',
          phoneIns: '来电',
          people: '人数',
          firstVisits: '首次到店',
          repeatVisits: '再次到店',
          leftContact: '留档',
          valid: '有效客户',
          ordered: '成交',
          averagePartySize: '平均人数',
          averageStayMinutes: '平均停留（分钟）',
          retentionRate: '信息留存率',
          validRate: '有效客户率',
          visitToOrderRate: '到店成交率',
        },
      };
