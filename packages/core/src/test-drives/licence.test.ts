import { describe, expect, it } from 'vitest';
import { licenceCheckCharOf, licenceNoProblem, normaliseLicenceNo } from './licence';

describe('driving licence number (GB 11643 resident ID)', () => {
  it.each<[string, string, string | undefined]>([
    ['the standard example', '11010519491231002X', undefined],
    ['a lower-case x', '11010519491231002x', undefined],
    ['typed with spaces', '310115 19900307 1239', undefined],
    ['born on 29 February of a leap year', '110101200002290018', undefined],
    ['check digit 0-9', '310115199003071239', undefined],
    ['empty', '   ', 'Enter the driving licence number.'],
    ['one character short', '11010519491231002', 'has 18 characters; this one has 17'],
    ['one too many', '11010519491231002X1', 'this one has 19'],
    ['a letter inside', '1101051949123100AX', '17 digits and a last character 0-9 or X'],
    ['X not at the end', 'X10105194912310021', '17 digits and a last character 0-9 or X'],
    ['15-digit old card', '110105491231002', 'this one has 15'],
    ['no 29 February in 2001', '110101200102290015', 'date of birth; 20010229 is not one'],
    ['month 13', '110101199013070011', 'date of birth; 19901307 is not one'],
    ['a wrong check digit', '110105194912310021', 'check digit'],
    ['two digits swapped', '310115199030071239', 'date of birth'],
    ['a mistyped sequence digit', '310115199003071249', 'check digit'],
  ])('%s: %s', (_case, value, problem) => {
    const found = licenceNoProblem(value, '2026-11-25');
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(problem);
  });

  it('refuses a birth date after today', () => {
    const no = `11010120270101001${licenceCheckCharOf('11010120270101001')}`;
    expect(licenceNoProblem(no, '2026-11-25')).toContain('date of birth');
    expect(licenceNoProblem(no, '2027-01-02')).toBeUndefined();
  });

  it('stores the number as the card shows it', () => {
    expect(normaliseLicenceNo(' 11010519491231002x ')).toBe('11010519491231002X');
  });
});
