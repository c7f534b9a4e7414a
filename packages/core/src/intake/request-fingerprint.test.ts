import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  idempotencyKeyProblem,
  idempotencyWindowStart,
  requestFingerprintText,
} from './request-fingerprint';

describe('canonical JSON of a request body', () => {
  it.each([
    [{ b: 2, a: 1 }, '{"a":1,"b":2}'],
    [{ a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]}}'],
    [{ name: '王先生', phone: '138 0013 8000' }, '{"name":"王先生","phone":"138 0013 8000"}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[2, 1], '[2,1]'],
    ['<adf/>', '"<adf/>"'],
    [1.0, '1'],
    [null, 'null'],
    [undefined, 'null'],
  ])('%j -> %s', (value, text) => expect(canonicalJson(value)).toBe(text));

  it('is the same for the same JSON written with other key order and spacing', () => {
    const a = JSON.parse('{"name":"李","phone":"13800138000","source":"autohome"}');
    const b = JSON.parse('{\n  "source": "autohome",\n  "phone": "13800138000",\n  "name": "李"\n}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('tells apart two routes, two queries and two bodies', () => {
    const base = { route: 'POST /api/v1/intake/adf', query: { source: 'autohome' }, body: '<adf/>' };
    const texts = new Set([
      requestFingerprintText(base),
      requestFingerprintText({ ...base, route: 'POST /api/v1/intake/leads' }),
      requestFingerprintText({ ...base, query: { source: 'yiche' } }),
      requestFingerprintText({ ...base, body: '<adf></adf>' }),
    ]);
    expect(texts.size).toBe(4);
  });
});

describe('Idempotency-Key header', () => {
  it.each([
    ['4f1c2a7e-9d1b-4c8e-b7a5-2f0e6d3c9a10', true],
    ['AH-20261125-000123', true],
    ['a', true],
    ['x'.repeat(100), true],
    ['with space inside', true],
    ['', false],
    ['x'.repeat(101), false],
    ['   ', false],
    ['tab\there', false],
    ['键', false],
    ['é', false],
  ])('%j is valid: %s', (key, valid) => expect(idempotencyKeyProblem(key) === undefined).toBe(valid));

  it.each([
    ['2026-11-26T10:00:00Z', '2026-11-25T10:00:00.000Z'],
    // Across a month end and a year end.
    ['2026-12-01T07:30:00Z', '2026-11-30T07:30:00.000Z'],
    ['2027-01-01T00:10:00+08:00', '2026-12-30T16:10:00.000Z'],
  ])('at %s, keys first used at or before %s are new again', (now, start) => {
    expect(idempotencyWindowStart(new Date(now)).toISOString()).toBe(start);
  });
});
