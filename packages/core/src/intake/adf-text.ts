/**
 * ADF 1.0 XML as real senders write it, made readable before parsing: the `<?adf version="1.0"?>`
 * instruction before the XML declaration or in upper case (`<?ADF VERSION "1.0"?>`), a byte-order
 * mark, bare `&` in comments. Also the encoding a document declares (Chinese portals send GBK) and the
 * text of each `<prospect>`, kept with its lead as the raw payload.
 */

/** Blanks a match but keeps its length and line breaks, so positions (line, column) stay true. */
const blank = (text: string): string => text.replace(/[^\n]/g, ' ');

/** CDATA sections and comments are text, not markup: the same document with their content blanked. */
const markupOnly = (text: string): string => text.replace(/<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g, blank);

/** Replaces processing instructions (`<?xml …?>`, `<?adf …?>`, in any order or case) by spaces. */
export const blankProcessingInstructions = (text: string): string => {
  const markup = markupOnly(text);
  let out = '';
  let last = 0;
  for (const m of markup.matchAll(/<\?[\s\S]*?\?>/g)) {
    out += text.slice(last, m.index) + blank(m[0]);
    last = m.index + m[0].length;
  }
  return out + text.slice(last);
};

const ENTITY = /^&(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);/;

/** `Tom & Jerry` becomes `Tom &amp; Jerry`; entities and CDATA sections are left alone. */
export const escapeBareAmpersands = (text: string): string => {
  const markup = markupOnly(text);
  let out = '';
  let last = 0;
  for (let i = markup.indexOf('&'); i !== -1; i = markup.indexOf('&', i + 1)) {
    if (ENTITY.test(markup.slice(i, i + 40))) continue;
    out += `${text.slice(last, i)}&amp;`;
    last = i + 1;
  }
  return out + text.slice(last);
};

/** The text given to the XML parser. Positions in it are those of the original document. */
export const prepareAdfText = (text: string): string =>
  escapeBareAmpersands(blankProcessingInstructions(text.replace(/^\uFEFF/, '')));

/** The encoding named by `<?xml … encoding="GBK"?>` in the first bytes (read as Latin-1); undefined without one. */
export const declaredXmlEncoding = (head: string): string | undefined =>
  /<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z][\w.:-]*)\s*["']/i.exec(head)?.[1]?.toLowerCase();

/** The `charset` parameter of a Content-Type header, lower case; undefined without one. */
export const charsetOfContentType = (contentType: string | undefined): string | undefined =>
  contentType ? /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1]?.toLowerCase() : undefined;

/**
 * The XML of each `<prospect>` in document order (tags in any case; CDATA and comments may hold
 * anything). The caller compares the count with the parsed prospects before trusting it.
 */
export const sliceAdfProspects = (text: string): string[] => {
  const markup = markupOnly(text);
  return [...markup.matchAll(/<prospect\b[^>]*?(?:\/>|>[\s\S]*?<\/prospect\s*>)/gi)].map((m) =>
    text.slice(m.index, m.index + m[0].length),
  );
};
