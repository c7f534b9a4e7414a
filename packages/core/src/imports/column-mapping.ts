import { type ImportField, isImportField, REQUIRED_IMPORT_FIELDS } from './fields';

/**
 * Which column of an uploaded file holds which field. Dealership staff name their columns in Chinese
 * or English, with or without "客户" in front, with "(必填)" behind, in full-width characters: every
 * spelling below is recognised after `normaliseHeader`.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  name: [
    '姓名',
    '客户姓名',
    '客户名称',
    '客户名',
    '名字',
    '客户',
    '联系人',
    '联系人姓名',
    '称呼',
    'name',
    'customer',
    'customername',
    'fullname',
    'contact',
    'contactname',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '电话',
    '电话号码',
    '联系电话',
    '联系方式',
    '联系手机',
    '客户电话',
    '客户手机',
    '客户手机号',
    '移动电话',
    'mobile',
    'mobileno',
    'mobilephone',
    'mobilenumber',
    'phone',
    'phoneno',
    'phonenumber',
    'tel',
    'telephone',
    'cellphone',
    'cell',
  ],
  series: [
    '意向车型',
    '车型',
    '意向车系',
    '车系',
    '意向车辆',
    '关注车型',
    '咨询车型',
    'series',
    'model',
    'carmodel',
    'vehicle',
    'seriesinterest',
    'vehicleinterest',
    'interest',
  ],
  source: ['来源', '线索来源', '客户来源', '信息来源', '来源渠道', '渠道', 'source', 'leadsource', 'channel'],
  level: ['级别', '意向级别', '客户级别', '等级', '客户等级', '意向等级', 'level', 'grade', 'rating'],
  owner: [
    '销售顾问',
    '顾问',
    '销售',
    '所属顾问',
    '归属顾问',
    '跟进顾问',
    '跟进人',
    '负责人',
    '顾问编号',
    'consultant',
    'salesconsultant',
    'owner',
    'salesperson',
    'sales',
    'assignee',
  ],
  gender: ['性别', 'gender', 'sex'],
  region: [
    '地区',
    '区域',
    '所在地区',
    '所在区域',
    '城市',
    '所在城市',
    '省市',
    'region',
    'area',
    'city',
    'district',
  ],
  address: ['地址', '联系地址', '住址', '家庭住址', '详细地址', 'address'],
  occupation: ['职业', '行业', 'occupation', 'job', 'profession'],
  company: ['公司', '单位', '工作单位', '公司名称', 'company', 'employer', 'organisation', 'organization'],
  currentCar: [
    '现有车辆',
    '现有车型',
    '现有车',
    '现驾车型',
    '现用车',
    '现用车型',
    '在用车辆',
    'currentcar',
    'currentvehicle',
    'existingcar',
  ],
  budget: ['预算', '购车预算', '预算区间', '价格区间', 'budget', 'pricerange'],
  payment: ['付款方式', '购买方式', '支付方式', '付款', 'payment', 'paymentmethod'],
  horizon: [
    '购车时间',
    '预计购车时间',
    '计划购车时间',
    '购车周期',
    '预购时间',
    'horizon',
    'purchasehorizon',
    'purchasetime',
    'timeframe',
    'buyingtime',
  ],
  note: [
    '备注',
    '备注信息',
    '说明',
    '描述',
    '需求',
    'note',
    'notes',
    'remark',
    'remarks',
    'comment',
    'comments',
    'memo',
  ],
  campaign: [
    '活动',
    '活动名称',
    '活动编号',
    '活动代码',
    '营销活动',
    'campaign',
    'campaigncode',
    'campaignname',
    'event',
  ],
  date: [
    '日期',
    '线索日期',
    '登记日期',
    '登记时间',
    '创建日期',
    '创建时间',
    '录入日期',
    '录入时间',
    '留资时间',
    '到店日期',
    'date',
    'created',
    'createdat',
    'leaddate',
    'inquirydate',
  ],
};

/**
 * Full-width to half-width, lower case, without spaces, punctuation, required-markers (`*`) and
 * bracketed hints: `客户姓名（必填）` -> `客户姓名`, `Customer Name *` -> `customername`.
 */
export const normaliseHeader = (header: string): string => {
  const plain = header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:*#/\\'"、。，,;]/g, '');
  // A header that is all hint (`【手机】`) keeps what is inside the brackets.
  return plain.replace(/[([{【<][^)\]}】>]*[)\]}】>]/g, '') || plain.replace(/[()[\]{}【】<>]/g, '');
};

const FIELD_OF = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normaliseHeader(name), field] as const),
  ),
);

/** The field a header names, or undefined when it is not one we know. */
export const fieldOfHeader = (header: string): ImportField | undefined =>
  FIELD_OF.get(normaliseHeader(header));

/** Column index (as a string, as JSON keys are) -> field. */
export type ColumnMapping = Record<string, ImportField>;

/** One column per field: the first column whose header names a field gets it. */
export const suggestMapping = (headers: readonly string[]): ColumnMapping => {
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  headers.forEach((header, index) => {
    const field = fieldOfHeader(header);
    if (field && !taken.has(field)) {
      taken.add(field);
      mapping[String(index)] = field;
    }
  });
  return mapping;
};

/** How far down a sheet the header row is looked for: title rows above it are common in templates. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Which of the first non-empty rows is the header: the first that names at least two fields we know
 * (a title row such as `客户信息登记表` above it is skipped); the first row when none does.
 */
export const headerRowIndex = (rows: readonly (readonly string[])[]): number => {
  const found = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((cells) => Object.keys(suggestMapping(cells)).length >= 2);
  return Math.max(found, 0);
};

/** Field -> column index, for reading a row. */
export type FieldColumns = Partial<Record<ImportField, number>>;

export const fieldColumnsOf = (mapping: ColumnMapping): FieldColumns => {
  const columns: FieldColumns = {};
  for (const [index, field] of Object.entries(mapping)) columns[field] = Number(index);
  return columns;
};

export type MappingProblem =
  | { code: 'unknown_column'; column: string }
  | { code: 'unknown_field'; column: string }
  | { code: 'field_twice'; field: ImportField; columns: string[] }
  | { code: 'field_required'; field: ImportField };

/**
 * What is wrong with a mapping chosen in the UI: a column the file does not have, a field given to two
 * columns, or a required field without a column (the source may instead come from a default source).
 */
export const mappingProblems = (
  mapping: Readonly<Record<string, string>>,
  columnCount: number,
  hasDefaultSource: boolean,
): MappingProblem[] => {
  const problems: MappingProblem[] = [];
  const columnsOf = new Map<ImportField, string[]>();
  for (const [column, field] of Object.entries(mapping)) {
    const index = Number(column);
    if (!/^\d+$/.test(column) || index >= columnCount) {
      problems.push({ code: 'unknown_column', column });
      continue;
    }
    if (!isImportField(field)) {
      problems.push({ code: 'unknown_field', column });
      continue;
    }
    columnsOf.set(field, [...(columnsOf.get(field) ?? []), column]);
  }
  for (const [field, columns] of columnsOf) {
    if (columns.length > 1) problems.push({ code: 'field_twice', field, columns });
  }
  const required: ImportField[] = [
    ...REQUIRED_IMPORT_FIELDS,
    ...(hasDefaultSource ? [] : ['source' as const]),
  ];
  for (const field of required) {
    if (!columnsOf.has(field)) problems.push({ code: 'field_required', field });
  }
  return problems;
};
