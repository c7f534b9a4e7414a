import type { TExportLanguage } from '@qianke/contracts/reports/filter';

/** Titles of the customer-list export. */
export const customerExportTexts = (language: TExportLanguage) =>
  language === 'en'
    ? {
        sheet: 'Customers',
        cardNo: 'Card no.',
        name: 'Name',
        phone: 'Phone',
        level: 'Level',
        status: 'Status',
        owner: 'Consultant',
        source: 'Source',
        series: 'Latest series',
        leadCount: 'Inquiries',
        nextContactAt: 'Next contact',
        createdAt: 'Created',
        statuses: { open: 'Open', nurturing: 'Nurturing', won: 'Won', lost: 'Lost' },
      }
    : {
        sheet: '客户列表',
        cardNo: '卡号',
        name: '姓名',
        phone: '电话',
        level: '级别',
        status: '状态',
        owner: '销售顾问',
        source: '来源',
        series: '最近意向车系',
        leadCount: '询价次数',
        nextContactAt: '下次联系',
        createdAt: '建档时间',
        statuses: { open: '跟进中', nurturing: '培育中', won: '已成交', lost: '已战败' },
      };
