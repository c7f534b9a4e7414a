import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import { normaliseVin, parseVin, vinCheckDigit, vinProblemOf } from './vin';

describe('VIN check digit (ISO 3779 / GB 16735 position 9)', () => {
  it.each([
    // A North-American VIN, the textbook example whose check digit is X.
    ['1M8GDM9AXKP042788', 'X'],
    ['5GZCZ43D13S812715', '1'],
    ['11111111111111111', '1'],
    // Chinese VINs (WMI L..): BYD, SAIC-GM, FAW-VW.
    ['LGXC16DF7T0000001', '7'],
    ['LSVNV4186E2000001', '6'],
    ['LFV2A21K7G3000001', '7'],
    ['LGXCE4CB6T0123456', '6'],
  ])('%s carries %s', (vin, digit) => {
    expect(vinCheckDigit(vin)).toBe(digit);
    expect(vinProblemOf(vin)).toBeNull();
  });
});

describe('VIN problems', () => {
  it.each([
    ['LGXC16DF7T000001', { kind: 'length', length: 16 }],
    ['LGXC16DF7T00000012', { kind: 'length', length: 18 }],
    ['', { kind: 'length', length: 0 }],
    ['LGXC16DF7T000000I', { kind: 'characters', invalid: ['I'] }],
    ['LGXO16DF7T00000Q1', { kind: 'characters', invalid: ['O', 'Q'] }],
    ['LGXC16DF-T0000001', { kind: 'characters', invalid: ['-'] }],
    ['LGXC16DF0T0000001', { kind: 'check_digit', expected: '7', actual: '0' }],
    // One typed digit wrong (…0002 for …0001) makes the check digit fail.
    ['LGXC16DF7T0000002', { kind: 'check_digit', expected: '9', actual: '7' }],
    ['1M8GDM9A0KP042788', { kind: 'check_digit', expected: 'X', actual: '0' }],
  ])('%s: %o', (vin, problem) => {
    expect(vinProblemOf(vin)).toEqual(problem);
  });
});

describe('parseVin', () => {
  it('trims, removes inner spaces and upper-cases', () => {
    expect(normaliseVin('  lgxc16df7t 0000001 ')).toBe('LGXC16DF7T0000001');
    expect(parseVin(' lgxc16df7t0000001')).toBe('LGXC16DF7T0000001');
  });

  it('names the field and the expected check digit', () => {
    try {
      parseVin('LGXC16DF0T0000001', 'vehicle.vin');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      expect(e.code).toBe('validation_failed');
      expect(e.fields?.['vehicle.vin']).toContain('should be 7, not 0');
    }
  });

  it('says how many characters were typed', () => {
    expect(() => parseVin('LGX123')).toThrow('A VIN has 17 characters; this one has 6.');
  });
});
