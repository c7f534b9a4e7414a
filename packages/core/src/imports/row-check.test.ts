import { describe, expect, it } from 'vitest';
import { fieldColumnsOf } from './column-mapping';
import type { ImportField } from './fields';
import {
  checkRow,
  duplicateProblem,
  indexLookups,
  parseBudget,
  parseGender,
  parseHorizon,
  parseLevel,
  parseLocalDateTime,
  parsePayment,
  type RowCheckContext,
  zonedInstant,
} from './row-check';

const index = indexLookups({
  sources: [
    { id: 'src-autohome', code: 'autohome', nameZh: '汽车之家', nameEn: 'Autohome' },
    { id: 'src-walk-in', code: 'walk_in', nameZh: '展厅来店', nameEn: 'Walk-in' },
  ],
  consultants: [
    { id: 'u-lina', displayName: '李娜', code: 'A01' },
    { id: 'u-zhangwei', displayName: '张伟', code: 'A02' },
    { id: 'u-wang1', displayName: '王芳', code: null },
    { id: 'u-wang2', displayName: '王芳', code: 'A05' },
  ],
  series: [
    { id: 's-qin', name: '秦PLUS', nameEn: 'Qin PLUS' },
    { id: 's-han', name: '汉', nameEn: 'Han' },
  ],
});

// Shanghai: 2026-11-25 10:00 local.
const context: RowCheckContext = {
  now: new Date('2026-11-25T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  defaultSource: null,
};

const FIELDS: ImportField[] = ['name', 'phone', 'source', 'owner', 'series', 'level', 'horizon', 'date'];
const columns = fieldColumnsOf(Object.fromEntries(FIELDS.map((field, i) => [String(i), field])));
const row = (cells: Partial<Record<ImportField, string>>) => FIELDS.map((field) => cells[field] ?? '');
const good = { name: '王先生', phone: '13800138000', source: '汽车之家' };

describe('checkRow', () => {
  it('turns a good row into the values of a lead', () => {
    const result = checkRow(
      row({
        ...good,
        owner: 'A01',
        series: 'qin plus',
        level: 'H级',
        horizon: '1个月内',
        date: '2026/11/20 9:30',
      }),
      columns,
      index,
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.values).toEqual({
      name: '王先生',
      phoneE164: '+8613800138000',
      phoneRaw: '13800138000',
      sourceId: 'src-autohome',
      sourceName: '汽车之家',
      ownerId: 'u-lina',
      ownerName: '李娜',
      seriesId: 's-qin',
      seriesName: '秦PLUS',
      level: 'H',
      horizon: 'm1',
      occurredAt: '2026-11-20T01:30:00.000Z',
    });
  });

  it.each([
    ['no name', { ...good, name: '' }, 'name', 'missing_name'],
    ['no phone', { ...good, phone: ' ' }, 'phone', 'missing_phone'],
    ['a phone too short', { ...good, phone: '1380013800' }, 'phone', 'bad_phone'],
    ['letters for a phone', { ...good, phone: 'n/a' }, 'phone', 'bad_phone'],
    ['no source and no default', { ...good, source: '' }, 'source', 'missing_source'],
    ['an unknown source', { ...good, source: '抖音直播' }, 'source', 'unknown_source'],
    ['an unknown consultant', { ...good, owner: '赵六' }, 'owner', 'unknown_consultant'],
    ['an unknown consultant code', { ...good, owner: 'Z09' }, 'owner', 'unknown_consultant'],
    ['two consultants of that name', { ...good, owner: '王芳' }, 'owner', 'ambiguous_consultant'],
    ['an unknown series', { ...good, series: '比亚迪唐DM-p' }, 'series', 'unknown_series'],
    ['a bad level', { ...good, level: 'D' }, 'level', 'bad_level'],
    ['a bad horizon', { ...good, horizon: '看情况吧' }, 'horizon', 'bad_horizon'],
    ['a date that is not one', { ...good, date: '2026-02-30' }, 'date', 'bad_date'],
    ['a date in the future', { ...good, date: '2026-12-31' }, 'date', 'future_date'],
    ['a date long ago', { ...good, date: '1899-01-01' }, 'date', 'bad_date'],
  ] as const)('refuses %s', (_, cells, field, code) => {
    const { problems } = checkRow(row(cells), columns, index, context);
    expect(problems).toEqual([expect.objectContaining({ field, code })]);
  });

  it('reports every problem of a row, with the cell as written', () => {
    const { problems } = checkRow(row({ name: '', phone: '123', source: '?' }), columns, index, context);
    expect(problems).toEqual([
      { field: 'name', code: 'missing_name', value: '' },
      { field: 'phone', code: 'bad_phone', value: '123' },
      { field: 'source', code: 'unknown_source', value: '?' },
    ]);
  });

  it('uses the default source for an empty source cell, and also without a source column', () => {
    const withDefault = { ...context, defaultSource: { id: 'src-walk-in', label: '展厅来店' } };
    expect(checkRow(row({ ...good, source: '' }), columns, index, withDefault).values.sourceId).toBe(
      'src-walk-in',
    );
    const noSourceColumn = fieldColumnsOf({ '0': 'name', '1': 'phone' });
    expect(checkRow(['李雷', '13900139000'], noSourceColumn, index, withDefault)).toMatchObject({
      problems: [],
      values: { sourceId: 'src-walk-in' },
    });
  });

  it.each([
    ['A01', 'u-lina'],
    ['a01', 'u-lina'],
    ['李娜', 'u-lina'],
    ['李娜(A01)', 'u-lina'],
    ['王芳 A05', 'u-wang2'],
    ['A05', 'u-wang2'],
    ['张伟', 'u-zhangwei'],
  ])('finds consultant %j', (owner, id) => {
    expect(checkRow(row({ ...good, owner }), columns, index, context).values.ownerId).toBe(id);
  });

  it.each([
    ['autohome', 'src-autohome'],
    ['Autohome', 'src-autohome'],
    ['汽车之家', 'src-autohome'],
    ['walk_in', 'src-walk-in'],
    ['Walk-in', 'src-walk-in'],
  ])('finds source %j by code, Chinese or English name', (source, id) => {
    expect(checkRow(row({ ...good, source }), columns, index, context).values.sourceId).toBe(id);
  });

  it('refuses a name or a note longer than a card holds', () => {
    const noteColumns = fieldColumnsOf({ '0': 'name', '1': 'phone', '2': 'note', '3': 'source' });
    const { problems } = checkRow(
      ['王', '13800138000', 'x'.repeat(2001), 'autohome'],
      noteColumns,
      index,
      context,
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'note', code: 'too_long', max: 2000 })]);
  });
});

describe('duplicate phones within the file', () => {
  it('keeps the first row of a phone and refuses the later ones, naming the first', () => {
    const seen = new Map<string, number>();
    expect(duplicateProblem(seen, '+8613800138000', 2, '13800138000')).toBeUndefined();
    expect(duplicateProblem(seen, '+8613900139000', 3, '13900139000')).toBeUndefined();
    expect(duplicateProblem(seen, '+8613800138000', 7, '+86 138 0013 8000')).toEqual({
      field: 'phone',
      code: 'duplicate_in_file',
      value: '+86 138 0013 8000',
      firstRow: 2,
    });
    expect(duplicateProblem(seen, '+8613800138000', 9, '138-0013-8000')?.firstRow).toBe(2);
    expect(duplicateProblem(seen, undefined, 10, 'bad')).toBeUndefined();
  });
});

describe('cell readers', () => {
  it.each([
    ['O', 'O'],
    ['h', 'H'],
    ['A级', 'A'],
    ['Ｂ类', 'B'],
    [' c ', 'C'],
    ['D', undefined],
    ['AB', undefined],
  ] as const)('level %j -> %s', (text, level) => expect(parseLevel(text)).toBe(level));

  it.each([
    ['m1', 'm1'],
    ['m2_3', 'm2_3'],
    ['1个月内', 'm1'],
    ['一个月内', 'm1'],
    ['1-3个月', 'm2_3'],
    ['3个月内', 'm2_3'],
    ['3-6个月', 'm4_6'],
    ['半年内', 'm4_6'],
    ['6-12个月', 'm7_12'],
    ['一年内', 'm7_12'],
    ['十二个月以上', 'm12_plus'],
    ['一年以上', 'm12_plus'],
    ['不确定', 'm12_plus'],
    ['within 1 month', 'm1'],
    ['2027-01-20', 'm2_3'],
    ['下次再说', undefined],
  ] as const)('horizon %j -> %s', (text, horizon) => {
    expect(parseHorizon(text, context.now, context.timeZone)).toBe(horizon);
  });

  it.each([
    ['15万', 150_000, 150_000],
    ['15-20万', 150_000, 200_000],
    ['15~20', 150_000, 200_000],
    ['10万-15万', 100_000, 150_000],
    ['150000', 150_000, 150_000],
    ['120000-180000', 120_000, 180_000],
    ['¥180,000', 180_000, 180_000],
    ['20w左右', 200_000, 200_000],
    ['10万以内', null, 100_000],
    ['30万以上', 300_000, null],
    ['200k', 200_000, 200_000],
  ] as const)('budget %j -> %s..%s', (text, min, max) => {
    expect(parseBudget(text)).toEqual({ min, max });
  });

  it.each(['很多', '20-10万', '0', ''])('budget %j is not read', (text) => {
    expect(parseBudget(text)).toBeUndefined();
  });

  it.each([
    ['男', 'male'],
    ['女士', 'female'],
    ['F', 'female'],
    ['Male', 'male'],
    ['未知', null],
    ['外星人', undefined],
  ] as const)('gender %j -> %s', (text, gender) => expect(parseGender(text)).toBe(gender));

  it.each([
    ['全款', 'cash'],
    ['分期', 'loan'],
    ['贷款', 'loan'],
    ['Loan', 'loan'],
    ['待定', 'undecided'],
    ['信用卡', undefined],
  ] as const)('payment %j -> %s', (text, payment) => expect(parsePayment(text)).toBe(payment));

  it.each([
    ['2026-03-01', { year: 2026, month: 3, day: 1, hour: 0, minute: 0 }],
    ['2026/3/1 14:05', { year: 2026, month: 3, day: 1, hour: 14, minute: 5 }],
    ['2026.03.01', { year: 2026, month: 3, day: 1, hour: 0, minute: 0 }],
    ['2026年3月1日', { year: 2026, month: 3, day: 1, hour: 0, minute: 0 }],
    ['2026-03-01T08:30:00', { year: 2026, month: 3, day: 1, hour: 8, minute: 30 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29, hour: 0, minute: 0 }],
    ['46082', { year: 2026, month: 3, day: 1, hour: 0, minute: 0 }],
    ['2025-02-29', undefined],
    ['2026-13-01', undefined],
    ['3/1/2026', undefined],
  ] as const)('date %j', (text, expected) => expect(parseLocalDateTime(text)).toEqual(expected));

  it('reads a date without a zone on the store calendar: midnight in Shanghai is 16:00 UTC the day before', () => {
    const dateColumns = fieldColumnsOf({ '0': 'name', '1': 'phone', '2': 'source', '3': 'date' });
    const { values } = checkRow(['王', '13800138000', 'autohome', '2026-01-01'], dateColumns, index, context);
    expect(values.occurredAt).toBe('2025-12-31T16:00:00.000Z');
  });
});

describe('zonedInstant', () => {
  it.each([
    ['Asia/Shanghai', { year: 2026, month: 3, day: 1, hour: 9, minute: 30 }, '2026-03-01T01:30:00.000Z'],
    ['Asia/Shanghai', { year: 2026, month: 12, day: 31, hour: 23, minute: 59 }, '2026-12-31T15:59:00.000Z'],
    ['UTC', { year: 2026, month: 2, day: 28, hour: 0, minute: 0 }, '2026-02-28T00:00:00.000Z'],
    // New York changes to summer time on 8 March 2026: 12:00 is UTC-4 after, UTC-5 before.
    ['America/New_York', { year: 2026, month: 3, day: 7, hour: 12, minute: 0 }, '2026-03-07T17:00:00.000Z'],
    ['America/New_York', { year: 2026, month: 3, day: 9, hour: 12, minute: 0 }, '2026-03-09T16:00:00.000Z'],
  ] as const)('%s %o', (zone, local, iso) => expect(zonedInstant(local, zone).toISOString()).toBe(iso));
});
