import { describe, expect, it } from 'vitest';
import { matchSeries, type SeriesRef } from './series-match';

const byd = (id: string, name: string, nameEn: string): SeriesRef => ({
  id,
  name,
  nameEn,
  brandName: '比亚迪',
  brandNameEn: 'BYD',
});
const catalog = [
  byd('qin', '秦PLUS', 'Qin PLUS'),
  byd('song', '宋PLUS', 'Song PLUS'),
  byd('han', '汉', 'Han'),
  byd('tang', '唐', 'Tang'),
  byd('seal', '海豹', 'Seal'),
];

describe('matching a sender’s words to a catalog series', () => {
  it.each([
    ['秦PLUS', 'qin'],
    ['秦plus', 'qin'],
    ['秦 PLUS', 'qin'],
    ['Qin PLUS', 'qin'],
    ['qin-plus', 'qin'],
    ['QINPLUS', 'qin'],
    ['比亚迪秦PLUS', 'qin'],
    ['BYD Qin PLUS', 'qin'],
    ['比亚迪 Qin PLUS', 'qin'],
    ['2025款 秦PLUS', 'qin'],
    ['2025 Qin PLUS', 'qin'],
    ['Qin PLUS 2025', 'qin'],
    ['秦PLUS 2025款', 'qin'],
    ['Ｈａｎ', 'han'],
    ['汉', 'han'],
    ['seal', 'seal'],
    ['秦PLUS DM-i', undefined],
    ['汉兰达', undefined],
    ['Model Y', undefined],
    ['', undefined],
  ])('%j is %s', (text, id) => expect(matchSeries(catalog, [text])?.id).toBe(id));

  it('takes the first text that names a series', () => {
    expect(matchSeries(catalog, [undefined, 'Song DM-i', 'BYD Song PLUS', 'Han'])?.id).toBe('song');
    expect(matchSeries(catalog, [null, ''])).toBeUndefined();
  });
});
