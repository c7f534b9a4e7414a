import { describe, expect, it } from 'vitest';
import { PRESET_SEED_001, planNextFollowUp } from './cadence';
import { CN_HOLIDAY_YEARS, cnPublicHolidays } from './cn-holidays';

describe('Chinese public holidays', () => {
  it.each([
    [2026, '元旦', '2026-01-01'],
    [2026, '春节', '2026-02-17'],
    [2026, '清明节', '2026-04-05'],
    [2026, '劳动节', '2026-05-01'],
    [2026, '端午节', '2026-06-19'],
    [2026, '中秋节', '2026-09-25'],
    [2026, '国庆节', '2026-10-01'],
    [2027, '春节', '2027-02-06'],
    [2027, '端午节', '2027-06-09'],
    [2027, '中秋节', '2027-09-15'],
  ])('%i: %s falls on %s', (year, name, date) => {
    expect(cnPublicHolidays(year)?.find((h) => h.nameZh === name)?.date).toBe(date);
  });

  it('lists seven holidays a year, in date order, each inside its year and named in both languages', () => {
    for (const year of CN_HOLIDAY_YEARS) {
      const list = cnPublicHolidays(year) ?? [];
      expect(list).toHaveLength(7);
      expect(list.map((h) => h.date)).toEqual([...list.map((h) => h.date)].sort());
      for (const h of list) {
        expect(h.date.startsWith(`${year}-`)).toBe(true);
        expect(h.nameZh).not.toBe('');
        expect(h.nameEn).not.toBe('');
      }
    }
  });

  it('knows nothing of a year it has no table for', () => {
    expect(cnPublicHolidays(2019)).toBeUndefined();
  });

  it('drives holiday care: a C lead contacted on 20 Sep 2026 is greeted on the eve of Mid-Autumn', () => {
    const task = planNextFollowUp({
      level: 'C',
      lastContactAt: new Date('2026-09-20T10:00:00+08:00'),
      rules: PRESET_SEED_001,
      timeZone: 'Asia/Shanghai',
      holidays: cnPublicHolidays(2026),
    });
    expect(task.kind).toBe('holiday_care');
    expect(task.holiday?.nameZh).toBe('中秋节');
    expect(task.dueAt.toISOString()).toBe(new Date('2026-09-24T18:00:00+08:00').toISOString());
  });
});
