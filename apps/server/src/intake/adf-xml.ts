import { TextDecoder } from 'node:util';
import {
  ADF_ATTRIBUTE_PREFIX,
  ADF_REPEATED_ELEMENTS,
  ADF_TEXT_NODE,
  type AdfDocument,
  readAdfDocument,
} from '@qianke/core/intake/adf-prospect';
import { charsetOfContentType, declaredXmlEncoding, prepareAdfText } from '@qianke/core/intake/adf-text';
import { DomainError } from '@qianke/core/shared/domain-error';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An ADF document is a few kilobytes; a megabyte holds hundreds of prospects. */
export const ADF_BODY_LIMIT = 1024 * 1024;

const unreadable = (reason: string) => new DomainError('validation_failed', reason);

/**
 * The bytes of an ADF body as text: the charset of the Content-Type, else the encoding the XML
 * declaration names (GBK, GB18030, UTF-16...), else UTF-8. A byte-order mark wins over both.
 */
export const decodeAdfBody = (bytes: Buffer, contentType: string | undefined): string => {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : undefined;
  const encoding =
    bom ??
    charsetOfContentType(contentType) ??
    declaredXmlEncoding(bytes.subarray(0, 1024).toString('latin1')) ??
    'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw unreadable(`The document's encoding "${encoding}" is not one Qianke reads: send UTF-8 or GBK.`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw unreadable(
      `The document is not valid ${encoding.toUpperCase()}: declare its real encoding, e.g. <?xml version="1.0" encoding="GBK"?>.`,
    );
  }
};

const repeated: ReadonlySet<string> = new Set(ADF_REPEATED_ELEMENTS);

const parser = new XMLParser({
  ignoreDeclaration: true,
  ignorePiTags: true,
  ignoreAttributes: false,
  attributeNamePrefix: ADF_ATTRIBUTE_PREFIX,
  textNodeName: ADF_TEXT_NODE,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
  isArray: (name) => repeated.has(name),
});

/** Problems that make a document unreadable; a stray `&` or a doubled attribute does not. */
const STRUCTURAL = new Set(['InvalidTag', 'InvalidXml']);

/**
 * Reads an ADF document as senders write it. Processing instructions are blanked first (`<?adf?>`
 * before `<?xml?>` fails a strict XML check), then tags must nest; then the parser reads it.
 */
export const parseAdfXml = (text: string): AdfDocument => {
  const prepared = prepareAdfText(text);
  if (prepared.trim() === '') return { ok: false, problem: 'The body is empty: send an ADF 1.0 document.' };
  const checked = XMLValidator.validate(prepared, { allowBooleanAttributes: true });
  if (checked !== true && STRUCTURAL.has(checked.err.code)) {
    const where = checked.err.col
      ? `line ${checked.err.line}, column ${checked.err.col}`
      : `line ${checked.err.line}`;
    return { ok: false, problem: `The XML cannot be read at ${where}: ${checked.err.msg}` };
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(prepared);
  } catch (error) {
    return { ok: false, problem: `The XML cannot be read: ${(error as Error).message}` };
  }
  return readAdfDocument(parsed);
};
