import { describe, expect, it } from 'vitest';
import { displayPhone } from './phone-display';

describe('displayPhone', () => {
  it.each([
    ['+8613800138000', '13800138000'],
    ['+862162345678', '021 6234 5678'],
    ['+4930901820', '+49 30 901820'],
    ['+85291234567', '+852 9123 4567'],
  ])('%s reads %s', (e164, shown) => {
    expect(displayPhone(e164)).toBe(shown);
  });
});
