import { describe, expect, it } from 'vitest';
import { composeIntakeNote, occurredAtProblem, parseIsoDate, parseIsoInstant } from './intake-lead';

describe('times senders give', () => {
  it.each([
    ['2026-11-25T10:30:00+08:00', '2026-11-25T02:30:00.000Z'],
    ['2026-11-25T10:30:00Z', '2026-11-25T10:30:00.000Z'],
    ['2026-11-25T10:30:00.250z', '2026-11-25T10:30:00.250Z'],
    ['2000-03-30T15:30:20-0800', '2000-03-30T23:30:20.000Z'],
    ['2000-03-30T15:30:20-08', '2000-03-30T23:30:20.000Z'],
    ['2026-11-25 10:30+08:00', '2026-11-25T02:30:00.000Z'],
    ['2026-12-31T23:59:59-05:00', '2027-01-01T04:59:59.000Z'],
    ['2028-02-29T12:00:00+08:00', '2028-02-29T04:00:00.000Z'],
    ['2026-11-25T10:30:00', undefined],
    ['2026-11-25', undefined],
    ['2027-02-29T12:00:00+08:00', undefined],
    ['2026-13-01T00:00:00Z', undefined],
    ['2026-11-25T24:00:00Z', undefined],
    ['2026-11-25T10:00:00+15:00', undefined],
    ['25/11/2026 10:30', undefined],
    ['', undefined],
  ])('%j is %s', (text, iso) => expect(parseIsoInstant(text)?.toISOString()).toBe(iso));

  it.each([
    ['2026-12-01', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T10:00:00-05:00', '2026-12-01T00:00:00.000Z'],
    ['2026-02-30', undefined],
    ['12/01/2026', undefined],
  ])('the date %j is %s', (text, iso) => expect(parseIsoDate(text)?.toISOString()).toBe(iso));

  it('believes a time up to 5 minutes ahead of ours, not more', () => {
    const now = new Date('2026-11-30T15:58:00Z');
    expect(occurredAtProblem(new Date('2026-11-30T16:03:00Z'), now)).toBeUndefined();
    expect(occurredAtProblem(new Date('2026-11-01T00:00:00Z'), now)).toBeUndefined();
    expect(occurredAtProblem(new Date('2026-11-30T16:03:01Z'), now)).toMatch(/in the future/);
  });
});

describe("a lead's note", () => {
  it('puts the sender’s note first, then what found no field, one per line', () => {
    expect(
      composeIntakeNote('周末到店', [
        ['seriesInterest', 'Model Y'],
        ['email', null],
        ['phone (fax)', ' '],
        ['email', 'li@example.com'],
      ]),
    ).toBe('周末到店\nseriesInterest: Model Y\nemail: li@example.com');
    expect(composeIntakeNote('  ', [])).toBeNull();
    expect(composeIntakeNote(null, [['comments', '想试驾']])).toBe('comments: 想试驾');
  });

  it('cuts a long note at the limit', () => {
    const note = composeIntakeNote('x'.repeat(30), [['comments', 'y'.repeat(30)]], 40);
    expect(note).toHaveLength(40);
    expect(note?.endsWith('…')).toBe(true);
  });
});
