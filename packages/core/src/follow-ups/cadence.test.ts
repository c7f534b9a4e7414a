import { describe, expect, it } from 'vitest';
import {
  type Holiday,
  PRESET_SEED_001,
  PRESET_SEED_003,
  planFirstContact,
  planNextFollowUp,
  planOwnerCare,
} from './cadence';

const SH = 'Asia/Shanghai';
/** A contact at 15:00 Shanghai time on the given day. */
const contact = (day: string) => new Date(`${day}T15:00:00+08:00`);
const due = (day: string, time = '18:00') => new Date(`${day}T${time}:00+08:00`).toISOString();

describe('seed 001 cadence: O every 3 days, H every 2, A daily, B weekly', () => {
  it.each([
    ['O', '2026-11-28'],
    ['H', '2026-11-27'],
    ['A', '2026-11-26'],
    ['B', '2026-12-02'],
  ] as const)('a %s lead contacted on 25 Nov is due on %s at 18:00', (level, day) => {
    const task = planNextFollowUp({
      level,
      lastContactAt: contact('2026-11-25'),
      rules: PRESET_SEED_001,
      timeZone: SH,
    });
    expect(task).toMatchObject({ kind: 'follow_up', ruleKey: `cadence.${level}` });
    expect(task.dueAt.toISOString()).toBe(due(day));
  });
});

describe('seed 003 cadence: orders weekly, A every 2 days, B weekly, C every 2 weeks', () => {
  it.each([
    ['O', '2026-12-02'],
    ['A', '2026-11-27'],
    ['B', '2026-12-02'],
    ['C', '2026-12-09'],
  ] as const)('%s from 25 Nov -> %s', (level, day) => {
    const task = planNextFollowUp({
      level,
      lastContactAt: contact('2026-11-25'),
      rules: PRESET_SEED_003,
      timeZone: SH,
    });
    expect(task.dueAt.toISOString()).toBe(due(day));
  });
});

describe('time zones and month ends', () => {
  it("counts days in the store's calendar: a call at 01:00 Shanghai (17:00 UTC the day before) is that local day", () => {
    const task = planNextFollowUp({
      level: 'A',
      lastContactAt: new Date('2026-11-30T17:00:00Z'),
      rules: PRESET_SEED_001,
      timeZone: SH,
    });
    expect(task.dueAt.toISOString()).toBe(due('2026-12-02'));
  });

  it('crosses the year end', () => {
    const task = planNextFollowUp({
      level: 'B',
      lastContactAt: contact('2026-12-29'),
      rules: PRESET_SEED_001,
      timeZone: SH,
    });
    expect(task.dueAt.toISOString()).toBe(due('2027-01-05'));
  });

  it('keeps 18:00 local time across a daylight-saving change', () => {
    const task = planNextFollowUp({
      level: 'B',
      lastContactAt: new Date('2026-03-26T12:00:00+01:00'),
      rules: PRESET_SEED_001,
      timeZone: 'Europe/Berlin',
    });
    expect(task.dueAt.toISOString()).toBe('2026-04-02T16:00:00.000Z');
  });
});

describe('C level: holiday care', () => {
  const holidays: Holiday[] = [
    { date: '2027-02-17', nameZh: '春节', nameEn: 'Spring Festival' },
    { date: '2027-01-01', nameZh: '元旦', nameEn: "New Year's Day" },
  ];
  it('is due on the eve of the next holiday', () => {
    const task = planNextFollowUp({
      level: 'C',
      lastContactAt: contact('2026-12-10'),
      rules: PRESET_SEED_001,
      timeZone: SH,
      holidays,
    });
    expect(task).toMatchObject({ kind: 'holiday_care', holiday: { nameEn: "New Year's Day" } });
    expect(task.dueAt.toISOString()).toBe(due('2026-12-31'));
  });

  it('falls back to every 30 days when no holiday comes sooner, so no lead is forgotten', () => {
    const task = planNextFollowUp({
      level: 'C',
      lastContactAt: contact('2027-03-01'),
      rules: PRESET_SEED_001,
      timeZone: SH,
      holidays,
    });
    expect(task).toMatchObject({ kind: 'follow_up', ruleKey: 'cadence.C.fallback' });
    expect(task.dueAt.toISOString()).toBe(due('2027-03-31'));
  });
});

describe('first contact', () => {
  it('is due exactly 24 hours after the inquiry', () => {
    expect(planFirstContact(new Date('2026-11-25T23:10:00+08:00'), PRESET_SEED_001).dueAt.toISOString()).toBe(
      '2026-11-26T15:10:00.000Z',
    );
  });
});

describe('owner care (seed 003): every 2 weeks for 3 months, then every 3 months', () => {
  const plan = (deliveredOn: string, after: string) =>
    planOwnerCare({ deliveredOn, after: contact(after), rules: PRESET_SEED_003, timeZone: SH });

  it.each([
    ['2026-11-30', '2026-11-30', '2026-12-14', 'owner_care.intensive'],
    ['2026-11-30', '2026-12-14', '2026-12-28', 'owner_care.intensive'],
    ['2026-11-30', '2027-02-22', '2027-05-28', 'owner_care.regular'],
    ['2026-11-30', '2027-05-28', '2027-08-28', 'owner_care.regular'],
    ['2026-08-31', '2026-11-20', '2026-11-23', 'owner_care.intensive'],
    ['2026-08-31', '2026-11-23', '2027-02-28', 'owner_care.regular'],
  ])('delivered %s, last contact %s -> next on %s (%s)', (deliveredOn, after, day, ruleKey) => {
    const task = plan(deliveredOn, after);
    expect(task.ruleKey).toBe(ruleKey);
    expect(task.dueAt.toISOString()).toBe(due(day));
  });
});
