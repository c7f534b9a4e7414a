import { describe, expect, it } from 'vitest';
import { customerSearchTermsOf } from './search-terms';

describe('customer search terms', () => {
  it.each([
    ['0013', ['0013'], undefined],
    ['138 0013', ['1380013'], undefined],
    ['+86 138', ['86138'], undefined],
    ['0086 138', ['86138'], undefined],
    ['13800138000', ['13800138000'], '+8613800138000'],
    ['+86 138-0013-8000', ['8613800138000'], '+8613800138000'],
    ['0086 138 0013 8000', ['8613800138000'], '+8613800138000'],
    ['１３８００１３８０００', ['13800138000'], '+8613800138000'],
    ['021-6234 5678', ['02162345678', '2162345678'], '+862162345678'],
    ['021 6234', ['0216234', '216234'], undefined],
    ['13', [], undefined],
  ])('%j looks for phone fragments %j (whole number %s)', (q, fragments, e164) => {
    const terms = customerSearchTermsOf(q);
    expect(terms.phoneFragments).toEqual(fragments);
    expect(terms.e164).toBe(e164);
  });

  it.each(['王', '王先生', 'A01-26', 'a01-26-0012', '李娜 138'])('%j is searched as text only', (q) => {
    expect(customerSearchTermsOf(q)).toEqual({ text: q, phoneFragments: [], e164: undefined });
  });

  it('trims the text it matches against names and card numbers', () => {
    expect(customerSearchTermsOf('  26-0012 ').text).toBe('26-0012');
  });
});
