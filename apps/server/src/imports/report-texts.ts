import type { ImportField, ImportProblem } from '@qianke/core/imports/fields';

/** The words of the downloadable import report, in the two languages of the app. */
export type ReportLanguage = 'zh-CN' | 'en';

const FIELD_NAMES: Record<ImportField, { 'zh-CN': string; en: string }> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  phone: { 'zh-CN': '手机', en: 'Phone' },
  series: { 'zh-CN': '意向车型', en: 'Series' },
  source: { 'zh-CN': '来源', en: 'Source' },
  level: { 'zh-CN': '级别', en: 'Level' },
  owner: { 'zh-CN': '销售顾问', en: 'Consultant' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  region: { 'zh-CN': '地区', en: 'Region' },
  address: { 'zh-CN': '地址', en: 'Address' },
  occupation: { 'zh-CN': '职业', en: 'Occupation' },
  company: { 'zh-CN': '单位', en: 'Company' },
  currentCar: { 'zh-CN': '现有车辆', en: 'Current car' },
  budget: { 'zh-CN': '预算', en: 'Budget' },
  payment: { 'zh-CN': '付款方式', en: 'Payment' },
  horizon: { 'zh-CN': '购车时间', en: 'Purchase horizon' },
  note: { 'zh-CN': '备注', en: 'Note' },
  campaign: { 'zh-CN': '活动', en: 'Campaign' },
  date: { 'zh-CN': '日期', en: 'Date' },
};

type Texts = {
  sheet: string;
  rowNo: string;
  outcome: string;
  cardNo: string;
  occurredAt: string;
  problems: string;
  column: (n: number) => string;
  outcomes: Record<'created' | 'merged' | 'rejected' | 'pending' | 'unchecked', string>;
  fileSuffix: string;
  problem: (p: ImportProblem, field: string) => string;
};

const quoted = (value: string | undefined, open: string, close: string) =>
  value ? `${open}${value}${close}` : '';

const ZH: Texts = {
  sheet: '导入报告',
  rowNo: '行号',
  outcome: '结果',
  cardNo: '客户卡号',
  occurredAt: '线索时间',
  problems: '问题',
  column: (n) => `第${n}列`,
  outcomes: { created: '新建', merged: '合并', rejected: '拒绝', pending: '待导入', unchecked: '未检查' },
  fileSuffix: '导入报告',
  problem: (p, field) => {
    const v = quoted(p.value, '“', '”');
    switch (p.code) {
      case 'missing_name':
        return '缺少姓名';
      case 'missing_phone':
        return '缺少手机号';
      case 'bad_phone':
        return `手机号无效${v}`;
      case 'duplicate_in_file':
        return `手机号与第${p.firstRow}行重复`;
      case 'missing_source':
        return '缺少来源';
      case 'unknown_source':
        return `未知来源${v}`;
      case 'unknown_consultant':
        return `未知销售顾问${v}`;
      case 'ambiguous_consultant':
        return `有多位同名顾问${v}，请填写顾问编号`;
      case 'unknown_series':
        return `未知车型${v}`;
      case 'bad_level':
        return `级别无效${v}（应为 O/H/A/B/C）`;
      case 'bad_horizon':
        return `购车时间无法识别${v}`;
      case 'bad_gender':
        return `性别无法识别${v}`;
      case 'bad_budget':
        return `预算无法识别${v}`;
      case 'bad_payment':
        return `付款方式无法识别${v}`;
      case 'bad_date':
        return `日期无效${v}`;
      case 'future_date':
        return `日期在未来${v}`;
      case 'too_long':
        return `${field}超过${p.max}个字`;
    }
  },
};

const EN: Texts = {
  sheet: 'Import report',
  rowNo: 'Row',
  outcome: 'Outcome',
  cardNo: 'Card number',
  occurredAt: 'Inquiry time',
  problems: 'Problems',
  column: (n) => `Column ${n}`,
  outcomes: {
    created: 'Created',
    merged: 'Merged',
    rejected: 'Rejected',
    pending: 'Not imported yet',
    unchecked: 'Not checked',
  },
  fileSuffix: 'import-report',
  problem: (p, field) => {
    const v = quoted(p.value, ' "', '"');
    switch (p.code) {
      case 'missing_name':
        return 'No name';
      case 'missing_phone':
        return 'No phone';
      case 'bad_phone':
        return `Not a phone number${v}`;
      case 'duplicate_in_file':
        return `Same phone as row ${p.firstRow}`;
      case 'missing_source':
        return 'No source';
      case 'unknown_source':
        return `Unknown source${v}`;
      case 'unknown_consultant':
        return `Unknown consultant${v}`;
      case 'ambiguous_consultant':
        return `Several consultants are called${v}: use the consultant code`;
      case 'unknown_series':
        return `Unknown series${v}`;
      case 'bad_level':
        return `Not a level${v} (O/H/A/B/C)`;
      case 'bad_horizon':
        return `Purchase horizon not understood${v}`;
      case 'bad_gender':
        return `Gender not understood${v}`;
      case 'bad_budget':
        return `Budget not understood${v}`;
      case 'bad_payment':
        return `Payment not understood${v}`;
      case 'bad_date':
        return `Not a date${v}`;
      case 'future_date':
        return `Date in the future${v}`;
      case 'too_long':
        return `${field} longer than ${p.max} characters`;
    }
  },
};

export const reportTexts = (language: ReportLanguage): Texts => (language === 'en' ? EN : ZH);

export const problemText = (problem: ImportProblem, language: ReportLanguage): string =>
  reportTexts(language).problem(problem, FIELD_NAMES[problem.field][language]);
