import { describe, expect, it } from 'vitest';
import { suggestConsultant, suggestConsultantWithReason } from './rotation';

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00+08:00`);

describe('fair rotation', () => {
  it('offers nobody when nobody is on duty', () => expect(suggestConsultant([])).toBeUndefined());

  it('prefers the consultant with the fewest receptions today', () => {
    expect(
      suggestConsultant([
        { userId: 'li', receptionsToday: 3, lastReceptionAt: at('09:30'), busy: false },
        { userId: 'zhang', receptionsToday: 2, lastReceptionAt: at('11:00'), busy: false },
      ]),
    ).toBe('zhang');
  });

  it('breaks a tie by who has waited longest, and someone not yet called today first', () => {
    const tied = [
      { userId: 'li', receptionsToday: 1, lastReceptionAt: at('10:00'), busy: false },
      { userId: 'zhang', receptionsToday: 1, lastReceptionAt: at('09:15'), busy: false },
    ];
    expect(suggestConsultant(tied)).toBe('zhang');
    expect(
      suggestConsultant([
        { userId: 'li', receptionsToday: 0, lastReceptionAt: at('09:00'), busy: false },
        { userId: 'wu', receptionsToday: 0, lastReceptionAt: null, busy: false },
      ]),
    ).toBe('wu');
  });

  it('skips consultants who are with a customer, unless everyone is', () => {
    expect(
      suggestConsultant([
        { userId: 'li', receptionsToday: 0, lastReceptionAt: null, busy: true },
        { userId: 'zhang', receptionsToday: 4, lastReceptionAt: at('11:00'), busy: false },
      ]),
    ).toBe('zhang');
    expect(
      suggestConsultant([
        { userId: 'li', receptionsToday: 2, lastReceptionAt: at('10:00'), busy: true },
        { userId: 'zhang', receptionsToday: 1, lastReceptionAt: at('11:00'), busy: true },
      ]),
    ).toBe('zhang');
  });
});

describe('why the rotation offers a consultant', () => {
  const free = (userId: string, receptionsToday: number, last: string | null, busy = false) => ({
    userId,
    receptionsToday,
    lastReceptionAt: last === null ? null : at(last),
    busy,
  });

  it.each([
    ['nobody on duty', [], undefined],
    ['one on duty', [free('li', 3, '10:00', true)], { userId: 'li', reason: 'only_one_on_duty' }],
    [
      'everyone with a customer',
      [free('li', 2, '10:00', true), free('zhang', 1, '11:00', true)],
      { userId: 'zhang', reason: 'everyone_busy' },
    ],
    [
      'someone free who has received nobody today',
      [free('li', 0, null), free('zhang', 2, '11:00')],
      { userId: 'li', reason: 'no_reception_today' },
    ],
    [
      'the free one with the fewest receptions',
      [free('li', 1, '09:00'), free('zhang', 3, '08:00'), free('wu', 0, null, true)],
      { userId: 'li', reason: 'fewest_receptions' },
    ],
    [
      'a tie broken by the longest wait',
      [free('li', 1, '10:00'), free('zhang', 1, '09:15')],
      { userId: 'zhang', reason: 'waited_longest' },
    ],
    [
      'two who received nobody yet',
      [free('li', 0, null), free('zhang', 0, null)],
      { userId: 'li', reason: 'no_reception_today' },
    ],
  ] as const)('%s', (_case, candidates, expected) => {
    expect(suggestConsultantWithReason(candidates)).toEqual(expected);
  });
});
