import { describe, expect, it } from 'vitest';
import {
  arrivalTimeProblem,
  callbackDueAt,
  departureProblem,
  type EarlierContact,
  isFirstVisit,
  isInShowroomNow,
  type RetentionRow,
  retentionOf,
  stayMinutes,
  type VisitKind,
  visitorNameOf,
} from './visits';

const SH = 'Asia/Shanghai';
/** Wall-clock time in Shanghai. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('first or repeat visit', () => {
  const arrivedAt = sh('2026-11-25T10:00:00');
  const visitBefore: EarlierContact = { kind: 'visit', arrivedAt: sh('2026-11-20T15:00:00') };
  const callBefore: EarlierContact = { kind: 'phone_in', arrivedAt: sh('2026-11-22T09:00:00') };
  const visitLater: EarlierContact = { kind: 'visit', arrivedAt: sh('2026-11-26T11:00:00') };

  it.each<[string, VisitKind, EarlierContact[] | undefined, boolean | undefined, boolean]>([
    ['a new customer', 'visit', [], undefined, true],
    ['a customer who visited before', 'visit', [visitBefore], undefined, false],
    ['a caller walking in for the first time', 'visit', [callBefore], undefined, true],
    ['a visit logged late, before a later one', 'visit', [visitLater], undefined, true],
    ['a second call', 'phone_in', [callBefore], undefined, false],
    ['a visitor calling for the first time', 'phone_in', [visitBefore], undefined, true],
    ['a visitor without details (default)', 'visit', undefined, undefined, true],
    ['a visitor without details the receptionist knows again', 'visit', undefined, false, false],
    ['a known customer, whatever the receptionist said', 'visit', [visitBefore], true, false],
  ])('%s: %s is first = %s', (_case, kind, earlier, declaredFirst, first) => {
    expect(isFirstVisit({ kind, arrivedAt, earlier, declaredFirst })).toBe(first);
  });

  it('counts a visit logged for the same moment as earlier: one arrival entered twice', () => {
    expect(isFirstVisit({ kind: 'visit', arrivedAt, earlier: [{ kind: 'visit', arrivedAt }] })).toBe(false);
  });
});

describe('24-hour call-back', () => {
  it.each([
    [sh('2026-11-25T10:00:00'), true, '2026-11-26T02:00:00.000Z'],
    [sh('2026-11-25T23:30:00'), true, '2026-11-26T15:30:00.000Z'],
    [sh('2026-11-30T17:00:00'), true, '2026-12-01T09:00:00.000Z'],
    [sh('2026-11-25T10:00:00'), false, null],
  ])('arrived %s, left details %s: due %s', (arrivedAt, leftContact, due) => {
    expect(callbackDueAt(arrivedAt, leftContact)?.toISOString() ?? null).toBe(due);
  });
});

describe('in the showroom now, and how long they stay', () => {
  const now = sh('2026-11-25T15:00:00');
  it.each<[string, VisitKind, string, string | null, boolean, number | null]>([
    ['arrived this morning, still here', 'visit', '2026-11-25T10:30:00', null, true, 270],
    ['arrived a minute ago', 'visit', '2026-11-25T14:59:00', null, true, 1],
    ['arrived and left', 'visit', '2026-11-25T10:30:00', '2026-11-25T11:15:00', false, 45],
    ['arrived yesterday, time out never logged', 'visit', '2026-11-24T16:00:00', null, false, null],
    ['a phone call of today', 'phone_in', '2026-11-25T14:00:00', null, false, null],
  ])('%s: in now %s, stay %s min', (_case, kind, arrived, left, inNow, stay) => {
    const visit = { kind, arrivedAt: sh(arrived), leftAt: left === null ? null : sh(left) };
    expect(isInShowroomNow(visit, now, SH)).toBe(inNow);
    expect(stayMinutes(visit, now, SH)).toBe(stay);
  });

  it("uses the store's day, not UTC's: 23:30 in Shanghai is still that day at 23:45", () => {
    const visit = { kind: 'visit' as const, arrivedAt: new Date('2026-11-25T15:30:00Z'), leftAt: null };
    expect(isInShowroomNow(visit, new Date('2026-11-25T15:45:00Z'), SH)).toBe(true);
    // At 00:10 the next day the board starts afresh.
    expect(isInShowroomNow(visit, new Date('2026-11-25T16:10:00Z'), SH)).toBe(false);
    // In UTC the same two instants are one day: the zone decides.
    expect(isInShowroomNow(visit, new Date('2026-11-25T16:10:00Z'), 'UTC')).toBe(true);
  });
});

describe('times the receptionist may log', () => {
  const now = sh('2026-11-25T15:00:00');
  it.each([
    ['now', '2026-11-25T15:00:00', undefined],
    ['this morning', '2026-11-25T09:00:00', undefined],
    ['30 s ahead (a tablet whose clock runs fast)', '2026-11-25T15:00:30', undefined],
    ['in ten minutes', '2026-11-25T15:10:00', 'The arrival time cannot be in the future.'],
  ])('an arrival %s: %s', (_case, arrived, problem) => {
    expect(arrivalTimeProblem(sh(arrived), now)).toBe(problem);
  });

  const visit = { kind: 'visit' as const, arrivedAt: sh('2026-11-25T14:00:00'), leftAt: null };
  it.each([
    ['after arrival', visit, '2026-11-25T14:40:00', undefined],
    ['at the arrival minute', visit, '2026-11-25T14:00:00', undefined],
    ['before arrival', visit, '2026-11-25T13:59:00', 'The time out cannot be before the arrival time.'],
    ['in the future', visit, '2026-11-25T16:00:00', 'The time out cannot be in the future.'],
    [
      'of a phone call',
      { ...visit, kind: 'phone_in' as const },
      '2026-11-25T14:10:00',
      'A phone-in has no time out: only showroom visits do.',
    ],
  ])('a time out %s: %s', (_case, v, left, problem) => {
    expect(departureProblem(v, sh(left), now)).toBe(problem);
  });
});

describe("a new card's name when only the phone was given", () => {
  it.each<[string | null | undefined, VisitKind, string]>([
    ['王先生', 'visit', '王先生'],
    ['  李女士 ', 'phone_in', '李女士'],
    [undefined, 'visit', '来店客户'],
    ['   ', 'phone_in', '来电客户'],
    [null, 'phone_in', '来电客户'],
  ])('%j (%s) -> %s', (name, kind, expected) => {
    expect(visitorNameOf(name, kind)).toBe(expected);
  });
});

describe('information retention rate', () => {
  const rows = (
    count: number,
    row: Partial<RetentionRow>,
    base: RetentionRow = { kind: 'visit', firstVisit: true, leftContact: true, closedOnSpot: false },
  ): RetentionRow[] => Array.from({ length: count }, () => ({ ...base, ...row }));

  it("reproduces seed 004's case before the info clerk: 1143 / 1682 = 68%", () => {
    const r = retentionOf([...rows(1143, {}), ...rows(1682 - 1143, { leftContact: false })]);
    expect(r).toMatchObject({ firstVisitors: 1682, leftDetails: 1143, closedOnSpot: 0 });
    expect(Math.round((r.rate ?? 0) * 100)).toBe(68);
  });

  it.each<[string, RetentionRow[], number | null]>([
    ['nobody came', [], null],
    [
      'buyers on the spot leave the denominator',
      [...rows(3, {}), ...rows(1, { leftContact: false }), ...rows(2, { closedOnSpot: true })],
      0.75,
    ],
    ['everyone bought on the spot', rows(2, { closedOnSpot: true }), null],
    [
      'repeat visits and phone-ins are not counted',
      [
        ...rows(1, {}),
        ...rows(1, { leftContact: false }),
        ...rows(5, { firstVisit: false, leftContact: false }),
        ...rows(5, { kind: 'phone_in', leftContact: false }),
      ],
      0.5,
    ],
  ])('%s: %s', (_case, input, rate) => {
    expect(retentionOf(input).rate).toBe(rate);
  });
});
