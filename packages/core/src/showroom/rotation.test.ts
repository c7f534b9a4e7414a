import { describe, expect, it } from 'vitest';
import { suggestConsultant } from './rotation';

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
