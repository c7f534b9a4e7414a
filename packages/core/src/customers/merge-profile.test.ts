import { describe, expect, it } from 'vitest';
import { type MergeProfile, mergePatchFor } from './merge-profile';

const card = (cardNo: string, extra: Partial<MergeProfile> = {}): MergeProfile => ({
  cardNo,
  phoneE164: null,
  phoneRaw: null,
  otherPhones: [],
  gender: null,
  region: null,
  address: null,
  occupation: null,
  company: null,
  currentCar: null,
  budgetMin: null,
  budgetMax: null,
  paymentIntent: null,
  ownerId: null,
  sourceId: null,
  level: null,
  nextContactAt: null,
  ...extra,
});

describe('merge profile', () => {
  it("keeps the others' phones as further numbers of the kept card, each once", () => {
    const kept = card('A01-26-0001', {
      phoneE164: '+8613800138000',
      otherPhones: [{ e164: '+8613900139000', raw: '139 0013 9000', label: '家人' }],
    });
    const a = card('A02-26-0007', {
      phoneE164: '+8613700137000',
      phoneRaw: '137-0013-7000',
      otherPhones: [
        { e164: '+8613800138000', raw: '13800138000', label: '工作' },
        { e164: '+8613900139000', raw: '13900139000', label: null },
      ],
    });
    const b = card('Z99-26-0003', { phoneE164: '+8613600136000', phoneRaw: '13600136000' });
    expect(mergePatchFor(kept, [a, b]).otherPhones).toEqual([
      { e164: '+8613900139000', raw: '139 0013 9000', label: '家人' },
      { e164: '+8613700137000', raw: '137-0013-7000', label: 'A02-26-0007' },
      { e164: '+8613600136000', raw: '13600136000', label: 'Z99-26-0003' },
    ]);
  });

  it('fills only what the kept card leaves empty, from the first card that has it', () => {
    const kept = card('A01', { gender: 'male', region: '浦东新区', ownerId: 'li' });
    const a = card('A02', { gender: 'female', address: '世纪大道1号', ownerId: 'zhang', level: 'B' });
    const b = card('A03', { address: '张杨路2号', occupation: '教师', level: 'A' });
    expect(mergePatchFor(kept, [a, b])).toEqual({
      otherPhones: [],
      address: '世纪大道1号',
      occupation: '教师',
      level: 'B',
    });
  });

  it('takes a budget range whole from one card', () => {
    const kept = card('A01');
    const a = card('A02', { budgetMax: 150_000 });
    const b = card('A03', { budgetMin: 100_000, budgetMax: 120_000 });
    expect(mergePatchFor(kept, [a, b])).toMatchObject({ budgetMin: null, budgetMax: 150_000 });
    expect(mergePatchFor(card('A01', { budgetMin: 90_000 }), [b])).not.toHaveProperty('budgetMax');
  });

  it('keeps the earliest planned contact of all cards', () => {
    const early = new Date('2026-12-01T02:00:00Z');
    const late = new Date('2026-12-05T02:00:00Z');
    expect(
      mergePatchFor(card('A01', { nextContactAt: late }), [card('A02', { nextContactAt: early })]),
    ).toEqual({
      otherPhones: [],
      nextContactAt: early,
    });
    expect(
      mergePatchFor(card('A01', { nextContactAt: early }), [card('A02', { nextContactAt: late })]),
    ).toEqual({
      otherPhones: [],
    });
  });
});
