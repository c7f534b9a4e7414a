import { describe, expect, it } from 'vitest';
import {
  canChangeStatus,
  clashOf,
  completionProblem,
  overlaps,
  type Slot,
  slotProblems,
  statusChangeProblem,
  type TestDriveStatus,
} from './booking';

const SH = 'Asia/Shanghai';
/** Wall-clock time in Shanghai. */
const sh = (local: string) => new Date(`${local}+08:00`);
const slot = (from: string, to: string): Slot => ({ startsAt: sh(from), endsAt: sh(to) });
const hours = { opensAt: '09:00', closesAt: '18:00' };

describe('a bookable slot', () => {
  const now = sh('2026-11-25T10:00:00');
  it.each<[string, string, string, { startsAt?: string; endsAt?: string } | undefined]>([
    ['an hour this afternoon', '2026-11-25T14:00:00', '2026-11-25T15:00:00', undefined],
    ['started ten minutes ago (grace)', '2026-11-25T09:50:00', '2026-11-25T10:30:00', undefined],
    ['the last slot of the day', '2026-11-25T17:00:00', '2026-11-25T18:00:00', undefined],
    ['the first slot of the day', '2026-11-26T09:00:00', '2026-11-26T09:30:00', undefined],
    ['exactly three hours', '2026-11-26T09:00:00', '2026-11-26T12:00:00', undefined],
    [
      'ends before it starts',
      '2026-11-25T15:00:00',
      '2026-11-25T14:00:00',
      { endsAt: 'end after it starts' },
    ],
    ['ends as it starts', '2026-11-25T15:00:00', '2026-11-25T15:00:00', { endsAt: 'end after it starts' }],
    ['ten minutes', '2026-11-25T15:00:00', '2026-11-25T15:10:00', { endsAt: 'at least 15 minutes' }],
    ['three hours and a minute', '2026-11-26T09:00:00', '2026-11-26T12:01:00', { endsAt: 'at most 3 hours' }],
    ['started an hour ago', '2026-11-25T09:00:00', '2026-11-25T11:00:00', { startsAt: 'already passed' }],
    [
      'before the store opens',
      '2026-11-26T08:30:00',
      '2026-11-26T09:30:00',
      { startsAt: 'open 09:00–18:00' },
    ],
    ['at closing time', '2026-11-26T18:00:00', '2026-11-26T18:30:00', { startsAt: 'open 09:00–18:00' }],
    ['past closing time', '2026-11-26T17:30:00', '2026-11-26T18:15:00', { endsAt: 'closes at 18:00' }],
  ])('%s', (_case, from, to, expected) => {
    const found = slotProblems(slot(from, to), { now, timeZone: SH, hours });
    if (!expected) expect(found).toBeUndefined();
    else {
      expect(Object.keys(found ?? {})).toEqual(Object.keys(expected));
      for (const [field, text] of Object.entries(expected))
        expect(found?.[field as keyof typeof found]).toContain(text);
    }
  });

  it('reads opening hours on the store clock, not UTC (10:00 Shanghai is 02:00 UTC)', () => {
    const morning = { startsAt: new Date('2026-11-26T02:00:00Z'), endsAt: new Date('2026-11-26T03:00:00Z') };
    expect(slotProblems(morning, { now, timeZone: SH, hours })).toBeUndefined();
    // The same instants are 21:00-22:00 the evening before in New York: closed.
    expect(slotProblems(morning, { now, timeZone: 'America/New_York', hours })?.startsAt).toContain('open');
  });

  it('cannot run across midnight in the store even without opening hours limits that day', () => {
    const lateHours = { opensAt: '09:00', closesAt: '23:59' };
    const found = slotProblems(slot('2026-11-26T23:30:00', '2026-11-27T00:30:00'), {
      now,
      timeZone: SH,
      hours: lateHours,
    });
    expect(found?.endsAt).toContain('closes at 23:59');
  });

  it('has no opening-hours limit for a store without hours (closing not after opening)', () => {
    const night = slot('2026-11-26T22:00:00', '2026-11-26T23:00:00');
    expect(slotProblems(night, { now, timeZone: SH, hours: null })).toBeUndefined();
    expect(
      slotProblems(night, { now, timeZone: SH, hours: { opensAt: '00:00', closesAt: '00:00' } }),
    ).toBeUndefined();
  });

  it('counts a DST day on the store clock (Berlin, 29 March 2026, 02:00 -> 03:00)', () => {
    const berlin = (local: string) => new Date(`${local}+02:00`);
    const drive = { startsAt: berlin('2026-03-29T09:00:00'), endsAt: berlin('2026-03-29T10:00:00') };
    expect(
      slotProblems(drive, { now: new Date('2026-03-28T00:00:00Z'), timeZone: 'Europe/Berlin', hours }),
    ).toBeUndefined();
    // 08:30 local (CEST) is before opening although it is 07:30 in winter time.
    const early = { startsAt: berlin('2026-03-29T08:30:00'), endsAt: berlin('2026-03-29T09:30:00') };
    expect(
      slotProblems(early, { now: new Date('2026-03-28T00:00:00Z'), timeZone: 'Europe/Berlin', hours })
        ?.startsAt,
    ).toContain('open');
  });

  it('names an impossible date', () => {
    const found = slotProblems({ startsAt: new Date('x'), endsAt: new Date('y') }, { now, timeZone: SH });
    expect(found).toEqual({
      startsAt: 'Enter the date and time the test drive starts.',
      endsAt: 'Enter the time the test drive ends.',
    });
  });
});

describe('two bookings of one car', () => {
  it.each<[string, Slot, Slot, boolean]>([
    [
      'back to back',
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      slot('2026-11-26T10:00', '2026-11-26T11:00'),
      false,
    ],
    [
      'back to back, the other way',
      slot('2026-11-26T10:00', '2026-11-26T11:00'),
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      false,
    ],
    [
      'a minute shared',
      slot('2026-11-26T09:00', '2026-11-26T10:01'),
      slot('2026-11-26T10:00', '2026-11-26T11:00'),
      true,
    ],
    [
      'one inside the other',
      slot('2026-11-26T09:00', '2026-11-26T12:00'),
      slot('2026-11-26T10:00', '2026-11-26T10:30'),
      true,
    ],
    [
      'the same slot',
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      true,
    ],
    [
      'apart',
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      slot('2026-11-26T14:00', '2026-11-26T15:00'),
      false,
    ],
    [
      'same wall clock, different days',
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      slot('2026-11-27T09:00', '2026-11-27T10:00'),
      false,
    ],
    [
      'written in different offsets, same instants',
      slot('2026-11-26T09:00', '2026-11-26T10:00'),
      { startsAt: new Date('2026-11-26T01:30:00Z'), endsAt: new Date('2026-11-26T02:30:00Z') },
      true,
    ],
  ])('%s: overlap %s', (_case, a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  it('clash with live bookings only, never with the drive itself', () => {
    const schedule = [
      { id: 'a', status: 'cancelled' as TestDriveStatus, ...slot('2026-11-26T09:00', '2026-11-26T10:00') },
      { id: 'b', status: 'booked' as TestDriveStatus, ...slot('2026-11-26T09:30', '2026-11-26T10:30') },
      { id: 'c', status: 'no_show' as TestDriveStatus, ...slot('2026-11-26T11:00', '2026-11-26T12:00') },
    ];
    expect(clashOf(slot('2026-11-26T09:00', '2026-11-26T09:45'), schedule)?.id).toBe('b');
    expect(clashOf(slot('2026-11-26T09:00', '2026-11-26T09:30'), schedule)).toBeUndefined();
    expect(clashOf(slot('2026-11-26T11:00', '2026-11-26T12:00'), schedule)).toBeUndefined();
    expect(clashOf(slot('2026-11-26T09:30', '2026-11-26T10:30'), schedule, 'b')).toBeUndefined();
  });
});

describe('status of a test drive', () => {
  it.each<[TestDriveStatus, TestDriveStatus, boolean]>([
    ['booked', 'done', true],
    ['booked', 'cancelled', true],
    ['booked', 'no_show', true],
    ['booked', 'booked', false],
    ['done', 'cancelled', false],
    ['done', 'no_show', false],
    ['cancelled', 'done', false],
    ['cancelled', 'booked', false],
    ['no_show', 'done', false],
  ])('%s -> %s: %s', (from, to, allowed) => {
    expect(canChangeStatus(from, to)).toBe(allowed);
    expect(statusChangeProblem(from, to) === undefined).toBe(allowed);
  });

  it('says why a final drive cannot change', () => {
    expect(statusChangeProblem('done', 'cancelled')).toBe(
      'This test drive is already done: it cannot change any more.',
    );
  });

  it('needs a checked licence to be completed', () => {
    expect(completionProblem({ licenceCheckedAt: null })).toContain('driving licence');
    expect(completionProblem({ licenceCheckedAt: sh('2026-11-26T09:00') })).toBeUndefined();
  });
});
