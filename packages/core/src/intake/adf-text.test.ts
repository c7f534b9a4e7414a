import { describe, expect, it } from 'vitest';
import {
  blankProcessingInstructions,
  charsetOfContentType,
  declaredXmlEncoding,
  escapeBareAmpersands,
  prepareAdfText,
  sliceAdfProspects,
} from './adf-text';

describe('processing instructions as senders write them', () => {
  it.each([
    ['<?xml version="1.0"?><?adf version="1.0"?><adf/>', '<adf/>'],
    ['<?adf version="1.0"?>\n<?xml version="1.0" encoding="UTF-8"?>\n<adf/>', '\n\n<adf/>'],
    ['<?ADF VERSION "1.0"?><ADF/>', '<ADF/>'],
    ['<adf><![CDATA[<?php echo 1; ?>]]></adf>', '<adf><![CDATA[<?php echo 1; ?>]]></adf>'],
    ['<!-- <?adf?> --><adf/>', '<!-- <?adf?> --><adf/>'],
  ])('%j', (text, expected) => {
    const blanked = blankProcessingInstructions(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.replace(/^ +/gm, '')).toBe(expected);
  });

  it('keeps every character at its line and column', () => {
    const text = '<?adf version="1.0"?>\n<adf><prospect>';
    expect(
      blankProcessingInstructions(text)
        .split('\n')
        .map((l) => l.length),
    ).toEqual([21, 15]);
  });
});

describe('bare ampersands', () => {
  it.each([
    ['<c>Tom & Jerry</c>', '<c>Tom &amp; Jerry</c>'],
    ['<c>&amp; &lt; &#20013; &#x4E2D; &nbsp;</c>', '<c>&amp; &lt; &#20013; &#x4E2D; &nbsp;</c>'],
    ['<url>https://x.cn/?a=1&b=2</url>', '<url>https://x.cn/?a=1&amp;b=2</url>'],
    ['<c><![CDATA[A & B]]></c>', '<c><![CDATA[A & B]]></c>'],
    ['<c>R&D &</c>', '<c>R&amp;D &amp;</c>'],
  ])('%j -> %j', (text, expected) => expect(escapeBareAmpersands(text)).toBe(expected));

  it('prepares a document with a byte-order mark, instructions in any order and a bare &', () => {
    expect(prepareAdfText('\uFEFF<?adf version="1.0"?><adf>A & B</adf>').trim()).toBe('<adf>A &amp; B</adf>');
  });
});

describe('encodings', () => {
  it.each([
    ['<?xml version="1.0" encoding="GBK"?><adf/>', 'gbk'],
    ["<?adf version='1.0'?><?xml version='1.0' encoding='gb2312'?>", 'gb2312'],
    ['<?xml version="1.0"?><adf/>', undefined],
    ['<adf encoding="gbk"/>', undefined],
  ])('%j declares %s', (head, encoding) => expect(declaredXmlEncoding(head)).toBe(encoding));

  it.each([
    ['application/xml; charset=GB18030', 'gb18030'],
    ['text/xml;charset="utf-8"', 'utf-8'],
    ['text/xml', undefined],
    [undefined, undefined],
  ])('%j has the charset %s', (contentType, charset) =>
    expect(charsetOfContentType(contentType)).toBe(charset),
  );
});

describe("each prospect's own XML", () => {
  it('cuts a document into its prospects, in any case, self-closing or not', () => {
    const doc = `<adf>
  <prospect status="new"><customer><comments><![CDATA[not </prospect> here]]></comments></customer></prospect>
  <!-- <prospect>a comment</prospect> -->
  <PROSPECT><id>2</id></PROSPECT>
  <prospect/>
</adf>`;
    expect(sliceAdfProspects(doc)).toEqual([
      '<prospect status="new"><customer><comments><![CDATA[not </prospect> here]]></comments></customer></prospect>',
      '<PROSPECT><id>2</id></PROSPECT>',
      '<prospect/>',
    ]);
    expect(sliceAdfProspects('<adf></adf>')).toEqual([]);
  });
});
