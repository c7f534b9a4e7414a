/**
 * ADF 1.0 (Auto-lead Data Format), as parsed from XML into plain objects: each `<prospect>` read into
 * one normalised prospect. The parser is set up by the server (tag and attribute names in lower case,
 * attributes as `@_name`, text as `#text`, every value a string); this reads whatever senders put in
 * it: names in full or in parts, several phones, empty elements, missing sections.
 */
export const ADF_ATTRIBUTE_PREFIX = '@_';
export const ADF_TEXT_NODE = '#text';
/** Elements that may repeat, so the parser always gives them as lists. */
export const ADF_REPEATED_ELEMENTS = [
  'prospect',
  'vehicle',
  'name',
  'phone',
  'email',
  'id',
  'comments',
] as const;

export type AdfPhone = {
  number: string;
  /** voice, cellphone, fax, pager... (lower case); voice when not given. */
  type: string;
  /** When to call: morning, afternoon, evening, nopreference, day. */
  time: string | undefined;
  preferred: boolean;
};

export type AdfVehicle = {
  /** buy, lease, sell, trade-in, test-drive (lower case); buy when not given. */
  interest: string;
  status: string | undefined;
  year: string | undefined;
  make: string | undefined;
  model: string | undefined;
  trim: string | undefined;
  colour: string | undefined;
  comments: string[];
};

export type AdfTimeframe = {
  description: string | undefined;
  earliestDate: string | undefined;
  latestDate: string | undefined;
};

export type AdfProspect = {
  name: string | undefined;
  phones: AdfPhone[];
  emails: string[];
  address: string | undefined;
  comments: string[];
  vehicles: AdfVehicle[];
  timeframe: AdfTimeframe | undefined;
  provider: { name: string | undefined; service: string | undefined; url: string | undefined } | undefined;
  requestDate: string | undefined;
  /** The sender's ids of the lead (`<id source="autohome">123</id>`). */
  ids: { value: string; source: string | undefined }[];
};

export type AdfDocument = { ok: true; prospects: AdfProspect[] } | { ok: false; problem: string };

type Node = unknown;

const isElement = (node: Node): node is Record<string, unknown> => typeof node === 'object' && node !== null;

/** The child elements called `name` (none when the node is text or empty). */
const children = (node: Node, name: string): Node[] => {
  if (!isElement(node) || !(name in node)) return [];
  const value = node[name];
  return Array.isArray(value) ? value : [value];
};

const child = (node: Node, name: string): Node | undefined => children(node, name)[0];

/** The text of an element, CDATA included, trimmed; undefined when empty. */
const textOf = (node: Node | undefined): string | undefined => {
  const raw = isElement(node) ? node[ADF_TEXT_NODE] : node;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const text = String(raw).trim();
  return text === '' ? undefined : text;
};

const attributeOf = (node: Node | undefined, name: string): string | undefined => {
  const value = isElement(node) ? node[`${ADF_ATTRIBUTE_PREFIX}${name}`] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const childText = (node: Node, name: string): string | undefined => textOf(child(node, name));

const texts = (nodes: Node[]): string[] => nodes.map(textOf).filter((t): t is string => t !== undefined);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * `<name part="full">` wins; otherwise the parts: a Chinese name is family name then given name with
 * no space (王 + 小明 = 王小明), a Latin one "first middle last". A name without a part is a full name.
 */
export const readAdfName = (names: Node[]): string | undefined => {
  const parts = new Map<string, string>();
  for (const node of names) {
    const text = textOf(node);
    if (!text) continue;
    const part = attributeOf(node, 'part')?.toLowerCase() ?? 'full';
    if (!parts.has(part)) parts.set(part, text);
  }
  const full = parts.get('full');
  if (full) return full;
  const first = parts.get('first');
  const middle = parts.get('middle');
  const last = parts.get('last');
  const given = [first, middle].filter(Boolean).join(' ');
  if (!given && !last) return undefined;
  if (last && CJK.test(last) && (!given || CJK.test(given))) return `${last}${given.replace(/\s+/g, '')}`;
  return [given, last].filter(Boolean).join(' ');
};

const readPhone = (node: Node): AdfPhone | undefined => {
  const number = textOf(node);
  if (!number) return undefined;
  return {
    number,
    type: attributeOf(node, 'type')?.toLowerCase() ?? 'voice',
    time: attributeOf(node, 'time')?.toLowerCase(),
    preferred: attributeOf(node, 'preferredcontact') === '1',
  };
};

const readVehicle = (node: Node): AdfVehicle => {
  const colours = child(node, 'colorcombination');
  return {
    interest: attributeOf(node, 'interest')?.toLowerCase() ?? 'buy',
    status: attributeOf(node, 'status')?.toLowerCase(),
    year: childText(node, 'year'),
    make: childText(node, 'make'),
    model: childText(node, 'model'),
    trim: childText(node, 'trim'),
    colour: childText(colours, 'exteriorcolor') ?? childText(colours, 'interiorcolor'),
    comments: texts(children(node, 'comments')),
  };
};

const readAddress = (node: Node | undefined): string | undefined => {
  if (node === undefined) return undefined;
  const streets = texts(children(node, 'street'));
  const place = ['apartment', 'city', 'regioncode', 'postalcode', 'country'].map((n) => childText(node, n));
  const text = [...streets, ...place].filter(Boolean).join(' ');
  return text || undefined;
};

const readTimeframe = (node: Node | undefined): AdfTimeframe | undefined => {
  if (node === undefined) return undefined;
  const timeframe = {
    description: childText(node, 'description'),
    earliestDate: childText(node, 'earliestdate'),
    latestDate: childText(node, 'latestdate'),
  };
  return Object.values(timeframe).some(Boolean) ? timeframe : undefined;
};

const readProvider = (node: Node | undefined): AdfProspect['provider'] => {
  if (node === undefined) return undefined;
  const provider = {
    name: readAdfName(children(node, 'name')),
    service: childText(node, 'service'),
    url: childText(node, 'url'),
  };
  return Object.values(provider).some(Boolean) ? provider : undefined;
};

export const readAdfProspect = (node: Node): AdfProspect => {
  const customer = child(node, 'customer');
  const contact = child(customer, 'contact');
  return {
    name: readAdfName(children(contact, 'name')),
    phones: children(contact, 'phone')
      .map(readPhone)
      .filter((p): p is AdfPhone => p !== undefined),
    emails: texts(children(contact, 'email')),
    address: readAddress(child(contact, 'address')),
    comments: [...texts(children(customer, 'comments')), ...texts(children(node, 'comments'))],
    vehicles: children(node, 'vehicle').map(readVehicle),
    timeframe: readTimeframe(child(customer, 'timeframe')),
    provider: readProvider(child(node, 'provider')),
    requestDate: childText(node, 'requestdate'),
    ids: children(node, 'id')
      .map((id) => ({ value: textOf(id), source: attributeOf(id, 'source') }))
      .filter((id): id is { value: string; source: string | undefined } => id.value !== undefined),
  };
};

/**
 * The prospects of a parsed document, or why it is not an ADF document: nothing XML in it, another
 * root element, or an `<adf>` without a `<prospect>`.
 */
export const readAdfDocument = (parsed: unknown): AdfDocument => {
  const roots = isElement(parsed) ? Object.keys(parsed) : [];
  if (roots.length === 0) return { ok: false, problem: 'The body is not an XML document.' };
  if (!isElement(parsed) || !('adf' in parsed)) {
    return {
      ok: false,
      problem: `The document's root element is <${roots[0]}>, not <adf>: send ADF 1.0 (<adf><prospect>…</prospect></adf>).`,
    };
  }
  const prospects = children(parsed.adf, 'prospect');
  if (prospects.length === 0) {
    return { ok: false, problem: 'The <adf> document has no <prospect>: there is no lead in it.' };
  }
  return { ok: true, prospects: prospects.map(readAdfProspect) };
};
