import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import {
  canMove,
  checkReinvite,
  checkSchedule,
  type InvitationStatus,
  isNoShowDue,
  isReturnDue,
  isSameStoreDay,
  receiverOnArrival,
  reminderAt,
} from './invitations';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const at = (iso: string) => new Date(iso);

describe('the invitation status machine', () => {
  it.each<[InvitationStatus, InvitationStatus, boolean]>([
    ['scheduled', 'arrived', true],
    ['scheduled', 'no_show', true],
    ['scheduled', 'cancelled', true],
    ['arrived', 'no_show', false],
    ['arrived', 'cancelled', false],
    ['no_show', 'arrived', false],
    ['cancelled', 'arrived', false],
    ['cancelled', 'scheduled', false],
  ])('%s -> %s: %s', (from, to, ok) => {
    expect(canMove(from, to)).toBe(ok);
  });

  it.each<[InvitationStatus, boolean]>([
    ['no_show', true],
    ['scheduled', false],
    ['arrived', false],
    ['cancelled', false],
  ])('re-invite from %s: %s', (from, ok) => {
    if (ok) expect(() => checkReinvite(from)).not.toThrow();
    else expect(() => checkReinvite(from)).toThrow(DomainError);
  });
});

describe('checkSchedule', () => {
  const now = at('2026-11-25T02:00:00Z');
  it.each<[string, string | null]>([
    ['2026-11-25T06:00:00Z', null],
    ['2026-11-25T01:58:00Z', null],
    ['2026-11-25T01:00:00Z', 'scheduledAt'],
    ['2027-03-30T01:00:00Z', 'scheduledAt'],
  ])('%s -> %s', (scheduled, field) => {
    let fields: Record<string, string> | undefined;
    try {
      checkSchedule(at(scheduled), now);
    } catch (error) {
      fields = (error as DomainError).fields;
    }
    expect(fields ? Object.keys(fields)[0] : null).toBe(field);
  });
});

describe('reminderAt: the day before at 17:00 in the store, or 2 hours before on the same day', () => {
  it.each<[string, string, string, string, string]>([
    ['a visit tomorrow', '2026-11-26T02:00:00Z', '2026-11-25T02:00:00Z', SH, '2026-11-25T09:00:00.000Z'],
    ['a visit next week', '2026-12-02T06:00:00Z', '2026-11-25T02:00:00Z', SH, '2026-12-01T09:00:00.000Z'],
    ['a visit today', '2026-11-25T07:00:00Z', '2026-11-25T02:00:00Z', SH, '2026-11-25T05:00:00.000Z'],
    [
      'a visit within 2 hours',
      '2026-11-25T03:00:00Z',
      '2026-11-25T02:00:00Z',
      SH,
      '2026-11-25T02:00:00.000Z',
    ],
    [
      'booked tomorrow at 18:00 tonight',
      '2026-11-26T02:00:00Z',
      '2026-11-25T10:00:00Z',
      SH,
      '2026-11-25T10:00:00.000Z',
    ],
    // 00:30 in Shanghai is still "tomorrow" there though it is the previous day in UTC
    [
      'just after midnight local',
      '2026-11-25T16:30:00Z',
      '2026-11-25T02:00:00Z',
      SH,
      '2026-11-25T09:00:00.000Z',
    ],
    // across the end of DST in New York (1 Nov 2026): 17:00 EST is 22:00 UTC
    [
      'New York after DST ends',
      '2026-11-02T15:00:00Z',
      '2026-10-30T15:00:00Z',
      NY,
      '2026-11-01T22:00:00.000Z',
    ],
    ['month end', '2026-12-01T02:00:00Z', '2026-11-29T02:00:00Z', SH, '2026-11-30T09:00:00.000Z'],
  ])('%s', (_name, scheduled, now, zone, expected) => {
    expect(reminderAt(at(scheduled), at(now), zone).toISOString()).toBe(expected);
  });
});

describe('the store day of an invitation', () => {
  it.each<[string, string, string, boolean]>([
    ['2026-11-25T02:00:00Z', '2026-11-25T08:00:00Z', SH, true],
    // 23:30 UTC on the 24th is 07:30 on the 25th in Shanghai
    ['2026-11-25T02:00:00Z', '2026-11-24T23:30:00Z', SH, true],
    ['2026-11-25T02:00:00Z', '2026-11-25T16:30:00Z', SH, false],
  ])('invited for %s, arrived %s (%s): same day %s', (scheduled, arrived, zone, same) => {
    expect(isSameStoreDay(at(scheduled), at(arrived), zone)).toBe(same);
  });

  it.each<[InvitationStatus, string, string, boolean]>([
    ['scheduled', '2026-11-25T02:00:00Z', '2026-11-25T15:59:00Z', false],
    ['scheduled', '2026-11-25T02:00:00Z', '2026-11-25T16:00:00Z', true],
    ['arrived', '2026-11-25T02:00:00Z', '2026-11-27T00:00:00Z', false],
    ['cancelled', '2026-11-25T02:00:00Z', '2026-11-27T00:00:00Z', false],
  ])('%s at %s is a no-show at %s: %s', (status, scheduled, now, due) => {
    expect(isNoShowDue(status, at(scheduled), at(now), SH)).toBe(due);
  });
});

describe('the 30-day return', () => {
  const createdAt = at('2026-10-01T02:00:00Z');
  it.each<[string, InvitationStatus, Date | null, boolean, string, boolean]>([
    ['29 days on', 'no_show', null, false, '2026-10-30T02:00:00Z', false],
    ['30 days on', 'no_show', null, false, '2026-10-31T02:00:00Z', true],
    ['still scheduled after 30 days', 'scheduled', null, false, '2026-11-05T02:00:00Z', true],
    ['arrived', 'arrived', null, false, '2026-11-05T02:00:00Z', false],
    ['arrived on a later invitation', 'no_show', null, true, '2026-11-05T02:00:00Z', false],
    ['cancelled', 'cancelled', null, false, '2026-11-05T02:00:00Z', false],
    ['already returned', 'no_show', at('2026-10-31T02:00:00Z'), false, '2026-11-05T02:00:00Z', false],
  ])('%s', (_name, status, returnedAt, arrivedSince, now, due) => {
    expect(isReturnDue({ status, createdAt, returnedAt }, arrivedSince, at(now))).toBe(due);
  });
});

describe('receiverOnArrival: the invited consultant receives the customer', () => {
  it.each([
    ['held by the agent who invited', 'agent', 'open', 'agent', 'consultant', 'consultant'],
    ['owned by nobody', null, 'open', 'agent', 'consultant', 'consultant'],
    [
      'in the nurturing pool of the inviting agent',
      'agent',
      'nurturing',
      'agent',
      'consultant',
      'consultant',
    ],
    ['already the consultant’s', 'consultant', 'open', 'agent', 'consultant', null],
    ['another consultant’s customer', 'colleague', 'open', 'agent', 'consultant', null],
    ['no consultant named on the invitation', 'agent', 'open', 'agent', null, null],
    ['a lead already won', 'agent', 'won', 'agent', 'consultant', null],
    ['a lead closed as lost', 'agent', 'lost', 'agent', 'consultant', null],
  ] as const)('%s', (_, leadOwnerId, leadStatus, invitedBy, consultantId, expected) => {
    expect(receiverOnArrival({ leadOwnerId, leadStatus, invitedBy, consultantId })).toBe(expected);
  });
});
