import { adfLeadDraft } from '@qianke/core/intake/adf-lead';
import { isDomainError } from '@qianke/core/shared/domain-error';
import { describe, expect, it } from 'vitest';
import { decodeAdfBody, parseAdfXml } from './adf-xml';

const NOW = new Date('2026-11-25T08:00:00Z');

/** ADF documents as portals, brand sites and call centres send them. */
const SAMPLES = {
  declarationThenAdf: `<?xml version="1.0" encoding="UTF-8"?>
<?adf version="1.0"?>
<adf>
  <prospect status="new">
    <id sequence="1" source="autohome">AH-20261125-0001</id>
    <requestdate>2026-11-25T15:30:00+08:00</requestdate>
    <vehicle interest="buy" status="new">
      <year>2025</year>
      <make>比亚迪</make>
      <model>秦PLUS</model>
    </vehicle>
    <customer>
      <contact>
        <name part="full">王小明</name>
        <phone type="cellphone">138 0013 8000</phone>
      </contact>
      <timeframe><description>1个月内</description></timeframe>
    </customer>
    <vendor><vendorname>上海浦东旗舰店</vendorname></vendor>
    <provider><name part="full">汽车之家</name><url>https://www.autohome.com.cn</url></provider>
  </prospect>
</adf>`,

  adfBeforeDeclaration: `<?adf version="1.0"?>
<?xml version="1.0"?>
<adf>
<prospect>
  <requestdate>2026-11-25T09:10:00-0800</requestdate>
  <vehicle interest="buy" status="new"><year>2025</year><make>BYD</make><model>Song PLUS</model></vehicle>
  <customer>
    <contact primarycontact="1">
      <name part="first" type="individual">小红</name>
      <name part="last" type="individual">李</name>
      <email>lixh@example.com</email>
      <phone type="voice" time="morning">021-5888 1234</phone>
      <phone type="cellphone" time="evening" preferredcontact="1">+86 139-0000-1111</phone>
      <phone type="fax">021-5888 9999</phone>
      <address type="home"><street line="1">世纪大道 100 号</street><city>上海</city><postalcode>200120</postalcode></address>
    </contact>
    <timeframe><description>1-3 months</description></timeframe>
  </customer>
  <provider><name part="full">Brand website</name><service>官网预约试驾</service></provider>
</prospect>
</adf>`,

  upperCaseNoDeclaration: `<?ADF VERSION "1.0"?>
<ADF>
  <PROSPECT>
    <CUSTOMER>
      <CONTACT>
        <NAME PART="first">Wei</NAME><NAME PART="last">Zhang</NAME>
        <EMAIL/>
        <PHONE TYPE="fax"/>
        <PHONE TYPE="cellphone">13900002222</PHONE>
      </CONTACT>
      <COMMENTS><![CDATA[Wants a <b>test drive</b> & a quote for the "Han EV"]]></COMMENTS>
      <TIMEFRAME><EARLIESTDATE>2027-01-10</EARLIESTDATE></TIMEFRAME>
    </CUSTOMER>
    <VEHICLE INTEREST="test-drive"><MAKE>BYD</MAKE><MODEL>Han</MODEL></VEHICLE>
    <PROVIDER><NAME>Dealer Leads Inc.</NAME></PROVIDER>
  </PROSPECT>
</ADF>`,

  severalProspects: `<?xml version="1.0" encoding="utf-8"?>
<?adf version="1.0"?>
<adf>
  <prospect>
    <customer><contact><name part="full">张三</name><phone>13900003333</phone></contact></customer>
    <vehicle><model>海豹</model></vehicle>
  </prospect>
  <prospect>
    <customer><contact><name part="full">李四</name><phone type="voice">12345</phone></contact></customer>
  </prospect>
  <prospect>
    <customer>
      <contact><name part="first">John</name><name part="last">Doe</name><phone type="cellphone">13900004444</phone></contact>
      <comments></comments>
    </customer>
    <vehicle interest="trade-in" status="used"><year>2016</year><make>Volkswagen</make><model>Passat</model></vehicle>
    <vehicle interest="buy"><make>BYD</make><model>Tang</model></vehicle>
  </prospect>
</adf>`,

  sloppyText: `\uFEFF<?xml version="1.0"?><adf><prospect><customer><contact><name part="full">R&D 王总</name><phone>13900005555</phone></contact><comments>价格 &lt; 20万 &amp; 可置换 &#x4E2D;意</comments></customer></prospect></adf>`,
} as const;

const readOne = (xml: string, index = 0) => {
  const doc = parseAdfXml(xml);
  if (!doc.ok) throw new Error(doc.problem);
  const prospect = doc.prospects[index];
  if (!prospect) throw new Error(`no prospect ${index}`);
  return adfLeadDraft(prospect, NOW);
};

describe('ADF documents as senders write them', () => {
  it('reads a portal lead with the XML declaration first', () => {
    expect(readOne(SAMPLES.declarationThenAdf)).toMatchObject({
      name: '王小明',
      phone: '138 0013 8000',
      seriesTexts: ['秦PLUS', '比亚迪 秦PLUS', '2025 比亚迪 秦PLUS'],
      horizon: 'm1',
      externalId: 'AH-20261125-0001',
      providerName: '汽车之家',
      noteLines: [],
    });
    expect(readOne(SAMPLES.declarationThenAdf).occurredAt?.toISOString()).toBe('2026-11-25T07:30:00.000Z');
  });

  it('reads <?adf?> before <?xml?>, a name in parts and several phones', () => {
    const draft = readOne(SAMPLES.adfBeforeDeclaration);
    expect(draft).toMatchObject({
      name: '李小红',
      phone: '+86 139-0000-1111',
      seriesTexts: ['Song PLUS', 'BYD Song PLUS', '2025 BYD Song PLUS'],
      horizon: 'm2_3',
      address: '世纪大道 100 号 上海 200120',
      providerName: 'Brand website',
      occurredAt: undefined,
    });
    expect(draft.noteLines).toEqual([
      ['phone (voice, morning)', '021-5888 1234'],
      ['phone (fax)', '021-5888 9999'],
      ['phone time', 'evening'],
      ['email', 'lixh@example.com'],
    ]);
  });

  it('reads an upper-case document without a declaration, with CDATA and empty elements', () => {
    expect(readOne(SAMPLES.upperCaseNoDeclaration)).toMatchObject({
      name: 'Wei Zhang',
      phone: '13900002222',
      seriesTexts: ['Han', 'BYD Han', 'BYD Han'],
      horizon: 'm2_3',
      providerName: 'Dealer Leads Inc.',
      noteLines: [['comments', 'Wants a <b>test drive</b> & a quote for the "Han EV"']],
    });
  });

  it('reads every prospect of a document, good and bad', () => {
    const doc = parseAdfXml(SAMPLES.severalProspects);
    expect(doc.ok && doc.prospects.length).toBe(3);
    expect(readOne(SAMPLES.severalProspects, 0)).toMatchObject({ name: '张三', phone: '13900003333' });
    expect(readOne(SAMPLES.severalProspects, 1)).toMatchObject({ name: '李四', phone: '12345' });
    expect(readOne(SAMPLES.severalProspects, 2)).toMatchObject({
      name: 'John Doe',
      seriesTexts: ['Tang', 'BYD Tang', 'BYD Tang'],
      currentCar: '2016 Volkswagen Passat',
      noteLines: [],
    });
  });

  it('reads a byte-order mark, a bare & and character references', () => {
    expect(readOne(SAMPLES.sloppyText)).toMatchObject({
      name: 'R&D 王总',
      noteLines: [['comments', '价格 < 20万 & 可置换 中意']],
    });
  });

  it.each([
    ['', 'The body is empty'],
    ['   \n', 'The body is empty'],
    ['hello, this is not XML', 'The body is not an XML document.'],
    ['{"name":"王先生","phone":"13800138000"}', 'The body is not an XML document.'],
    ['<?xml version="1.0"?><lead><name>x</name></lead>', "The document's root element is <lead>, not <adf>"],
    ['<?adf version="1.0"?><adf></adf>', 'The <adf> document has no <prospect>'],
    ['<adf><prospect><customer></prospect></adf>', 'The XML cannot be read at line 1'],
    ['<adf><prospect><customer', 'The XML cannot be read'],
    ['<adf><prospect></prospect></adf><other></other>', 'Multiple possible root nodes'],
    ['<adf><prospect></prospect></adf>junk', 'Extra text at the end'],
  ])('cannot read %j', (xml, problem) => {
    const doc = parseAdfXml(xml);
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(doc.problem).toContain(problem);
  });

  it('names the line and column of a tag that does not close', () => {
    const doc = parseAdfXml('<?adf version="1.0"?>\n<adf>\n  <prospect>\n</adf>');
    expect(doc).toEqual({
      ok: false,
      problem: expect.stringMatching(/^The XML cannot be read at line 4, column \d+: .*prospect/),
    });
  });
});

describe('the bytes of an ADF body', () => {
  const gbk = (text: string) => {
    // 王小明 in GBK; the rest is ASCII.
    const [before, after] = text.split('王小明');
    return Buffer.concat([
      Buffer.from(before ?? ''),
      Buffer.from([0xcd, 0xf5, 0xd0, 0xa1, 0xc3, 0xf7]),
      Buffer.from(after ?? ''),
    ]);
  };

  it.each([
    ['UTF-8 without a charset', Buffer.from('<adf>王小明</adf>'), 'text/xml', '<adf>王小明</adf>'],
    [
      'GBK declared in the document',
      gbk('<?xml version="1.0" encoding="GBK"?><adf>王小明</adf>'),
      'application/xml',
      '王小明',
    ],
    [
      'GBK declared after <?adf?>',
      gbk('<?adf version="1.0"?><?xml version="1.0" encoding="gb2312"?><adf>王小明</adf>'),
      'text/xml',
      '王小明',
    ],
    [
      'GB18030 in the Content-Type',
      gbk('<adf>王小明</adf>'),
      'text/xml; charset=GB18030',
      '<adf>王小明</adf>',
    ],
    [
      'a UTF-8 byte-order mark',
      Buffer.from('\uFEFF<adf>王小明</adf>'),
      'text/xml; charset=gbk',
      '<adf>王小明</adf>',
    ],
  ])('reads %s', (_, bytes, contentType, expected) => {
    expect(decodeAdfBody(bytes, contentType)).toContain(expected);
  });

  it.each([
    ['GBK bytes without a declaration', gbk('<adf>王小明</adf>'), 'text/xml', 'is not valid UTF-8'],
    [
      'an unknown encoding',
      Buffer.from('<adf/>'),
      'text/xml; charset=klingon',
      'encoding "klingon" is not one Qianke reads',
    ],
  ])('refuses %s with a reason', (_, bytes, contentType, reason) => {
    try {
      decodeAdfBody(bytes, contentType);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('validation_failed');
      expect((error as Error).message).toContain(reason);
    }
  });
});
