import { describe, expect, it } from 'vitest';
import { isUnassignedTooLong, openingHoursProblem, openingMinutesBetween } from './unassigned-alert';

const hours = { opensAt: '09:00', closesAt: '18:00', timeZone: 'Asia/Shanghai' };
const sh = (text: string) => new Date(`${text}+08:00`);

describe('unassigned-lead alert in opening hours', () => {
  it.each([
    ['2026-11-25T10:00:00', '2026-11-25T10:30:00', 30],
    ['2026-11-25T17:50:00', '2026-11-26T09:20:00', 30],
    ['2026-11-25T22:00:00', '2026-11-26T09:29:00', 29],
    ['2026-11-25T07:00:00', '2026-11-25T09:15:00', 15],
    ['2026-11-25T10:00:00', '2026-11-27T10:00:00', 18 * 60],
    ['2026-11-30T17:00:00', '2026-12-01T10:00:00', 120],
  ])('from %s to %s counts %i minutes', (from, to, minutes) => {
    expect(openingMinutesBetween(sh(from), sh(to), hours)).toBe(minutes);
  });

  it('alerts after 30 opening minutes: a lead at 22:00 alerts at 09:30 next morning', () => {
    expect(isUnassignedTooLong(sh('2026-11-25T22:00:00'), sh('2026-11-26T09:29:00'), 30, hours)).toBe(false);
    expect(isUnassignedTooLong(sh('2026-11-25T22:00:00'), sh('2026-11-26T09:30:00'), 30, hours)).toBe(true);
  });
});

describe('opening hours a store may set', () => {
  it.each([
    ['09:00', '18:00', true],
    ['00:00', '23:59', true],
    ['08:30', '08:31', true],
    ['18:00', '09:00', false],
    ['09:00', '09:00', false],
    ['22:00', '02:00', false],
  ])('opens %s, closes %s: allowed %s', (opensAt, closesAt, allowed) => {
    expect(openingHoursProblem({ opensAt, closesAt }) === undefined).toBe(allowed);
  });
});
