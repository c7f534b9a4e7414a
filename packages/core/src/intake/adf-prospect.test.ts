import { describe, expect, it } from 'vitest';
import { readAdfDocument, readAdfName } from './adf-prospect';

/**
 * Parsed documents as the server's XML parser gives them: names in lower case, attributes as `@_x`,
 * text as `#text`, repeated elements as lists, empty elements as ''.
 */
const autohome = {
  adf: {
    prospect: [
      {
        '@_status': 'new',
        id: [{ '#text': 'AH-88123', '@_source': 'autohome', '@_sequence': '1' }],
        requestdate: '2026-11-25T10:30:00+08:00',
        vehicle: [{ '@_interest': 'buy', '@_status': 'new', year: '2025', make: '比亚迪', model: '秦PLUS' }],
        customer: {
          contact: {
            name: [{ '#text': '王小明', '@_part': 'full' }],
            phone: [{ '#text': '138 0013 8000', '@_type': 'cellphone' }],
            email: [''],
          },
          comments: ['想了解置换补贴 <急>'],
          timeframe: { description: '1个月内' },
        },
        provider: { name: [{ '#text': '汽车之家', '@_part': 'full' }], url: 'https://www.autohome.com.cn' },
      },
    ],
  },
};

describe('reading ADF prospects', () => {
  it('reads a portal prospect', () => {
    const doc = readAdfDocument(autohome);
    expect(doc).toEqual({
      ok: true,
      prospects: [
        {
          name: '王小明',
          phones: [{ number: '138 0013 8000', type: 'cellphone', time: undefined, preferred: false }],
          emails: [],
          address: undefined,
          comments: ['想了解置换补贴 <急>'],
          vehicles: [
            {
              interest: 'buy',
              status: 'new',
              year: '2025',
              make: '比亚迪',
              model: '秦PLUS',
              trim: undefined,
              colour: undefined,
              comments: [],
            },
          ],
          timeframe: { description: '1个月内', earliestDate: undefined, latestDate: undefined },
          provider: { name: '汽车之家', service: undefined, url: 'https://www.autohome.com.cn' },
          requestDate: '2026-11-25T10:30:00+08:00',
          ids: [{ value: 'AH-88123', source: 'autohome' }],
        },
      ],
    });
  });

  it('reads phones with their types and times, an address, several prospects and empty ones', () => {
    const doc = readAdfDocument({
      adf: {
        prospect: [
          {
            customer: {
              contact: {
                name: [
                  { '#text': 'Doe', '@_part': 'last' },
                  { '#text': 'John', '@_part': 'first' },
                ],
                phone: [
                  { '#text': '021-5888 1234', '@_type': 'voice', '@_time': 'Morning' },
                  { '#text': '13900001111', '@_type': 'CELLPHONE', '@_preferredcontact': '1' },
                  { '@_type': 'fax' },
                  '0755 2345 6789',
                ],
                address: {
                  street: [{ '#text': '世纪大道 100 号', '@_line': '1' }],
                  city: '上海',
                  postalcode: '200120',
                },
              },
            },
            vehicle: [{ '@_interest': 'trade-in', make: 'Volkswagen', model: 'Passat', year: '2016' }, ''],
          },
          '',
        ],
      },
    });
    if (!doc.ok) throw new Error(doc.problem);
    const [first, empty] = doc.prospects;
    expect(first?.name).toBe('John Doe');
    expect(first?.phones).toEqual([
      { number: '021-5888 1234', type: 'voice', time: 'morning', preferred: false },
      { number: '13900001111', type: 'cellphone', time: undefined, preferred: true },
      { number: '0755 2345 6789', type: 'voice', time: undefined, preferred: false },
    ]);
    expect(first?.address).toBe('世纪大道 100 号 上海 200120');
    expect(first?.vehicles.map((v) => [v.interest, v.model])).toEqual([
      ['trade-in', 'Passat'],
      ['buy', undefined],
    ]);
    expect(empty).toMatchObject({ name: undefined, phones: [], vehicles: [], timeframe: undefined });
  });

  it.each([
    [{}, 'The body is not an XML document.'],
    [{ lead: { name: 'x' } }, "The document's root element is <lead>, not <adf>"],
    [{ adf: '' }, 'The <adf> document has no <prospect>'],
    [{ adf: { prospect: [] } }, 'The <adf> document has no <prospect>'],
    ['plain text', 'The body is not an XML document.'],
  ])('refuses %j', (parsed, problem) => {
    const doc = readAdfDocument(parsed);
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(doc.problem).toContain(problem);
  });
});

describe('names in ADF', () => {
  const name = (part: string | undefined, text: string) => (part ? { '#text': text, '@_part': part } : text);
  it.each([
    [[name('full', '李雷')], '李雷'],
    [[name(undefined, '韩梅梅')], '韩梅梅'],
    [[name('first', '小明'), name('last', '王')], '王小明'],
    [[name('last', '欧阳'), name('first', '娜娜')], '欧阳娜娜'],
    [[name('first', 'John'), name('middle', 'Q'), name('last', 'Public')], 'John Q Public'],
    [[name('first', 'Wei'), name('last', 'Zhang')], 'Wei Zhang'],
    [[name('last', '王')], '王'],
    [[name('first', 'Anna')], 'Anna'],
    [[name('first', ''), name('full', '赵六')], '赵六'],
    [[name('first', ''), name('last', '')], undefined],
    [[], undefined],
  ])('%j is %j', (names, expected) => expect(readAdfName(names)).toBe(expected));
});
