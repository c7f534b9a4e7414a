import { describe, expect, it } from 'vitest';
import {
  fieldColumnsOf,
  fieldOfHeader,
  headerRowIndex,
  mappingProblems,
  normaliseHeader,
  suggestMapping,
} from './column-mapping';

describe('header recognition', () => {
  it.each([
    ['姓名', 'name'],
    ['客户姓名', 'name'],
    ['客户姓名（必填）', 'name'],
    ['* 姓名', 'name'],
    ['Name', 'name'],
    ['Customer Name', 'name'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['手机号码*', 'phone'],
    ['电话', 'phone'],
    ['联系电话', 'phone'],
    ['Mobile', 'phone'],
    ['Phone No.', 'phone'],
    ['phone_number', 'phone'],
    ['意向车型', 'series'],
    ['车型', 'series'],
    ['Series', 'series'],
    ['Model', 'series'],
    ['来源', 'source'],
    ['线索来源', 'source'],
    ['SOURCE', 'source'],
    ['级别', 'level'],
    ['意向级别', 'level'],
    ['Level', 'level'],
    ['销售顾问', 'owner'],
    ['顾问', 'owner'],
    ['Consultant', 'owner'],
    ['Owner', 'owner'],
    ['性别', 'gender'],
    ['地区', 'region'],
    ['区域', 'region'],
    ['地址', 'address'],
    ['职业', 'occupation'],
    ['现有车辆', 'currentCar'],
    ['Current car', 'currentCar'],
    ['预算', 'budget'],
    ['购车时间', 'horizon'],
    ['Horizon', 'horizon'],
    ['备注', 'note'],
    ['Note', 'note'],
    ['活动', 'campaign'],
    ['Campaign', 'campaign'],
    ['付款方式', 'payment'],
    ['工作单位', 'company'],
    ['登记日期', 'date'],
    ['【手机】', 'phone'],
    ['序号', undefined],
    ['No.', undefined],
    ['', undefined],
  ] as const)('%j -> %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('reads full-width letters and brackets as half-width', () => {
    expect(normaliseHeader('ＮＡＭＥ（必填）')).toBe('name');
    expect(fieldOfHeader('ＭＯＢＩＬＥ')).toBe('phone');
  });
});

describe('suggestMapping', () => {
  it('maps a Chinese header row', () => {
    expect(
      suggestMapping([
        '序号',
        '客户姓名',
        '手机号码',
        '意向车型',
        '线索来源',
        '意向级别',
        '销售顾问',
        '备注',
      ]),
    ).toEqual({
      '1': 'name',
      '2': 'phone',
      '3': 'series',
      '4': 'source',
      '5': 'level',
      '6': 'owner',
      '7': 'note',
    });
  });

  it('maps an English header row', () => {
    expect(
      suggestMapping(['Name', 'Mobile', 'Model', 'Source', 'Level', 'Consultant', 'Budget', 'Horizon']),
    ).toEqual({
      '0': 'name',
      '1': 'phone',
      '2': 'series',
      '3': 'source',
      '4': 'level',
      '5': 'owner',
      '6': 'budget',
      '7': 'horizon',
    });
  });

  it('gives a field to the first column only: a second phone column stays unmapped', () => {
    expect(suggestMapping(['姓名', '手机', '电话'])).toEqual({ '0': 'name', '1': 'phone' });
  });

  it('turns the mapping around for reading rows', () => {
    expect(fieldColumnsOf({ '0': 'name', '3': 'phone' })).toEqual({ name: 0, phone: 3 });
  });
});

describe('mappingProblems', () => {
  it.each([
    ['complete', { '0': 'name', '1': 'phone', '2': 'source' }, false, []],
    ['no source but a default source', { '0': 'name', '1': 'phone' }, true, []],
    [
      'no source and no default',
      { '0': 'name', '1': 'phone' },
      false,
      [{ code: 'field_required', field: 'source' }],
    ],
    [
      'no name, no phone',
      { '2': 'source' },
      false,
      [
        { code: 'field_required', field: 'name' },
        { code: 'field_required', field: 'phone' },
      ],
    ],
    [
      'phone twice',
      { '0': 'name', '1': 'phone', '2': 'phone' },
      true,
      [{ code: 'field_twice', field: 'phone', columns: ['1', '2'] }],
    ],
    [
      'a column the file does not have',
      { '0': 'name', '1': 'phone', '9': 'note' },
      true,
      [{ code: 'unknown_column', column: '9' }],
    ],
    [
      'an unknown field',
      { '0': 'name', '1': 'phone', '2': 'shoeSize' },
      true,
      [{ code: 'unknown_field', column: '2' }],
    ],
  ] as const)('%s', (_, mapping, hasDefaultSource, problems) => {
    expect(mappingProblems(mapping, 3, hasDefaultSource)).toEqual(problems);
  });
});

describe('headerRowIndex', () => {
  it.each([
    [
      'the first row names the columns',
      [
        ['姓名', '手机'],
        ['王', '138'],
      ],
      0,
    ],
    [
      'a title row above the header',
      [['2026年3月客户登记表'], ['', '姓名', '手机号码', '备注'], ['1', '王', '138']],
      1,
    ],
    ['two title rows', [['某某4S店'], ['制表：王经理'], ['Name', 'Mobile'], ['Li', '139']], 2],
    [
      'no row names two fields: the first row',
      [
        ['列1', '列2'],
        ['王', '138'],
      ],
      0,
    ],
    ['one known name is not enough', [['备注'], ['姓名', '电话']], 1],
  ] as const)('%s', (_, rows, index) => expect(headerRowIndex(rows)).toBe(index));
});
