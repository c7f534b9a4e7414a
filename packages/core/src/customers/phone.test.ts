import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    '13800138000',
    '+86 138-0013-8000',
    '0086 138 0013 8000',
    '138 0013 8000',
    '86 13800138000',
    '(138) 0013-8000',
    '１３８００１３８０００',
  ])('%s is the mobile +8613800138000', (raw) => {
    expect(normalisePhone(raw)).toEqual({ e164: '+8613800138000', kind: 'mobile', country: 'CN' });
  });

  it('reads a Shanghai landline with its area code', () => {
    expect(normalisePhone('021-6234 5678')).toMatchObject({ e164: '+862162345678', kind: 'landline' });
  });

  it('reads a foreign number in international form', () => {
    expect(normalisePhone('+49 30 901820')).toMatchObject({ e164: '+4930901820', country: 'DE' });
  });

  it.each(['', 'abc', '12345', '1380013800', '23800138000'])('refuses %j', (raw) => {
    expect(normalisePhone(raw)).toBeUndefined();
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a CN mobile', () => {
    expect(maskPhone('+8613800138000')).toBe('138****8000');
  });
});
