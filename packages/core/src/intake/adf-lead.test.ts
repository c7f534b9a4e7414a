import { describe, expect, it } from 'vitest';
import { adfLeadDraft, choosePrimaryPhone } from './adf-lead';
import type { AdfPhone, AdfProspect } from './adf-prospect';

const NOW = new Date('2026-11-25T08:00:00Z');

const phone = (number: string, type = 'voice', extra: Partial<AdfPhone> = {}): AdfPhone => ({
  number,
  type,
  time: undefined,
  preferred: false,
  ...extra,
});

const prospect = (extra: Partial<AdfProspect> = {}): AdfProspect => ({
  name: '王小明',
  phones: [phone('13800138000', 'cellphone')],
  emails: [],
  address: undefined,
  comments: [],
  vehicles: [],
  timeframe: undefined,
  provider: undefined,
  requestDate: undefined,
  ids: [],
  ...extra,
});

describe('the phone that identifies an ADF customer', () => {
  it.each([
    [
      [phone('021-5888 1234'), phone('13900001111', 'cellphone'), phone('021-5888 9999', 'fax')],
      '13900001111',
    ],
    [[phone('13900001111', 'voice'), phone('13900002222', 'cellphone')], '13900002222'],
    [[phone('13900001111', 'voice'), phone('021-5888 1234', 'voice')], '13900001111'],
    [[phone('021-5888 1234', 'home'), phone('12345', 'cellphone')], '021-5888 1234'],
    [
      [phone('13900001111', 'cellphone'), phone('13900002222', 'cellphone', { preferred: true })],
      '13900002222',
    ],
    [[phone('+86 139-0000-3333', 'mobile')], '+86 139-0000-3333'],
    [[phone('13900001111', 'fax'), phone('13900002222', 'pager')], undefined],
    [[phone('not a phone', 'cellphone')], undefined],
    [[], undefined],
  ])('%j -> %s', (phones, number) => expect(choosePrimaryPhone(phones)?.number).toBe(number));
});

describe('an ADF prospect as a lead', () => {
  it('keeps the other phones, e-mail, comments and the call time in the note', () => {
    const draft = adfLeadDraft(
      prospect({
        phones: [
          phone('021-5888 1234', 'voice', { time: 'morning' }),
          phone('13900001111', 'cellphone', { time: 'evening' }),
          phone('021-5888 9999', 'fax'),
        ],
        emails: ['wang@example.com'],
        comments: ['想了解置换补贴', '周末方便'],
      }),
      NOW,
    );
    expect(draft.phone).toBe('13900001111');
    expect(draft.noteLines).toEqual([
      ['comments', '想了解置换补贴'],
      ['comments', '周末方便'],
      ['phone (voice, morning)', '021-5888 1234'],
      ['phone (fax)', '021-5888 9999'],
      ['phone time', 'evening'],
      ['email', 'wang@example.com'],
    ]);
  });

  it('wants the first car to buy; a car to trade in is the current car', () => {
    const draft = adfLeadDraft(
      prospect({
        vehicles: [
          {
            interest: 'trade-in',
            status: 'used',
            year: '2016',
            make: '大众',
            model: '帕萨特',
            trim: undefined,
            colour: undefined,
            comments: ['车况良好'],
          },
          {
            interest: 'buy',
            status: 'new',
            year: '2025',
            make: 'BYD',
            model: 'Qin PLUS',
            trim: 'DM-i 55KM',
            colour: '雪域白',
            comments: [],
          },
          {
            interest: 'test-drive',
            status: 'new',
            year: undefined,
            make: 'BYD',
            model: 'Seal',
            trim: undefined,
            colour: undefined,
            comments: [],
          },
        ],
      }),
      NOW,
    );
    expect(draft.seriesTexts).toEqual(['Qin PLUS', 'BYD Qin PLUS', '2025 BYD Qin PLUS DM-i 55KM 雪域白']);
    expect(draft.seriesLabel).toBe('2025 BYD Qin PLUS DM-i 55KM 雪域白');
    expect(draft.currentCar).toBe('2016 大众 帕萨特');
    expect(draft.noteLines).toEqual([
      ['vehicle (test-drive)', 'BYD Seal'],
      ['vehicle comments', '车况良好'],
    ]);
  });

  it.each([
    [{ description: 'within 1 month', earliestDate: undefined, latestDate: undefined }, 'm1'],
    [{ description: '3-6 months', earliestDate: undefined, latestDate: undefined }, 'm4_6'],
    [{ description: undefined, earliestDate: '2027-01-10', latestDate: undefined }, 'm2_3'],
    [{ description: 'just looking', earliestDate: '2026-12-01', latestDate: '2027-10-01' }, 'm7_12'],
    [{ description: '春节前后', earliestDate: undefined, latestDate: undefined }, undefined],
    [{ description: undefined, earliestDate: 'next spring', latestDate: undefined }, undefined],
  ])('maps the timeframe %j to %s', (timeframe, horizon) => {
    const draft = adfLeadDraft(prospect({ timeframe }), NOW);
    expect(draft.horizon).toBe(horizon);
    expect(draft.noteLines.some(([label]) => label === 'timeframe')).toBe(horizon === undefined);
  });

  it.each([
    ['2026-11-25T15:30:00+08:00', '2026-11-25T07:30:00.000Z'],
    ['2026-11-25T16:04:00+08:00', '2026-11-25T08:04:00.000Z'],
    ['2026-11-25T17:00:00+08:00', undefined],
    ['2026-11-25 15:30', undefined],
    [undefined, undefined],
  ])('takes the request date %j as %s', (requestDate, iso) => {
    expect(adfLeadDraft(prospect({ requestDate }), NOW).occurredAt?.toISOString()).toBe(iso);
  });

  it('takes the sender’s id and the provider, and leaves a missing name or phone for the checks', () => {
    const draft = adfLeadDraft(
      prospect({
        name: undefined,
        phones: [phone('021-5888 9999', 'fax')],
        ids: [
          { value: 'DCD-1', source: 'dongchedi' },
          { value: 'x', source: undefined },
        ],
        provider: { name: '懂车帝', service: undefined, url: undefined },
      }),
      NOW,
    );
    expect(draft).toMatchObject({ name: '', phone: '', externalId: 'DCD-1', providerName: '懂车帝' });
  });
});
