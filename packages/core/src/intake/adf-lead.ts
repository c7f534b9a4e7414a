import { normalisePhone } from '../customers/phone';
import { type Horizon, horizonFromAdfTimeframe } from '../leads/horizon';
import type { AdfPhone, AdfProspect, AdfVehicle } from './adf-prospect';
import { INTAKE_LIMITS, isBelievableOccurredAt, parseIsoDate, parseIsoInstant } from './intake-lead';

/**
 * One ADF prospect as a lead: who (name, the phone that identifies them), what car, when they plan
 * to buy, and the rest (other phones, e-mail, comments, trade-in) as lines of the lead's note.
 */
export type AdfLeadDraft = {
  name: string;
  /** The phone chosen as the customer's identity, as written; '' when the prospect has none. */
  phone: string;
  /** Texts to match to a catalog series, best first ("Qin PLUS", "BYD Qin PLUS"). */
  seriesTexts: string[];
  /** The wanted car in words, for the note when it matches no series. */
  seriesLabel: string | undefined;
  /** A car offered as a trade-in or for sale: the customer's current car. */
  currentCar: string | undefined;
  address: string | undefined;
  horizon: Horizon | undefined;
  /** When the lead was made, from `<requestdate>` when it is readable and not in the future. */
  occurredAt: Date | undefined;
  externalId: string | undefined;
  providerName: string | undefined;
  /** `label: value` lines for the note, in this order. */
  noteLines: [label: string, value: string][];
};

const MOBILE_TYPES = new Set(['cellphone', 'cell', 'mobile', 'cellular']);
const NOT_FOR_CALLS = new Set(['fax', 'pager']);

/**
 * The phone that identifies the customer: a mobile number given as a cellphone, then any mobile
 * number, then a landline given for voice calls; a preferred contact first among equals. Faxes and
 * pagers never. Undefined when no phone qualifies.
 */
export const choosePrimaryPhone = (phones: readonly AdfPhone[]): AdfPhone | undefined => {
  const rankOf = (phone: AdfPhone): number | undefined => {
    if (NOT_FOR_CALLS.has(phone.type)) return undefined;
    const normalised = normalisePhone(phone.number);
    if (!normalised) return undefined;
    if (normalised.kind === 'mobile') return MOBILE_TYPES.has(phone.type) ? 0 : 1;
    return 2;
  };
  const ranked = phones
    .map((phone, order) => ({ phone, order, rank: rankOf(phone) }))
    .filter((r): r is { phone: AdfPhone; order: number; rank: number } => r.rank !== undefined)
    .sort(
      (a, b) => a.rank - b.rank || Number(b.phone.preferred) - Number(a.phone.preferred) || a.order - b.order,
    );
  return ranked[0]?.phone;
};

const describeVehicle = (vehicle: AdfVehicle): string =>
  [vehicle.year, vehicle.make, vehicle.model, vehicle.trim, vehicle.colour].filter(Boolean).join(' ');

const SELLING = new Set(['sell', 'trade-in', 'tradein', 'trade']);

const phoneLabel = (phone: AdfPhone): string =>
  `phone (${[phone.type, phone.time].filter(Boolean).join(', ')})`;

export const adfLeadDraft = (prospect: AdfProspect, now: Date): AdfLeadDraft => {
  const primary = choosePrimaryPhone(prospect.phones);
  // Without a usable phone, the first one that is not a fax is checked, so the answer says why.
  const phone = primary ?? prospect.phones.find((p) => !NOT_FOR_CALLS.has(p.type));
  const wanted = prospect.vehicles.filter((v) => !SELLING.has(v.interest));
  const offered = prospect.vehicles.filter((v) => SELLING.has(v.interest));
  const [first, ...others] = wanted;
  const seriesTexts = first
    ? [first.model, [first.make, first.model].filter(Boolean).join(' '), describeVehicle(first)].filter(
        (text): text is string => Boolean(text),
      )
    : [];
  const timeframe = prospect.timeframe;
  const horizon = timeframe
    ? horizonFromAdfTimeframe(
        {
          description: timeframe.description,
          earliestDate: timeframe.earliestDate ? parseIsoDate(timeframe.earliestDate) : undefined,
          latestDate: timeframe.latestDate ? parseIsoDate(timeframe.latestDate) : undefined,
        },
        now,
      )
    : undefined;
  const requested = prospect.requestDate ? parseIsoInstant(prospect.requestDate) : undefined;
  const occurredAt = requested && isBelievableOccurredAt(requested, now) ? requested : undefined;
  const [id] = prospect.ids;

  const noteLines: [string, string][] = [
    ...prospect.comments.map((c): [string, string] => ['comments', c]),
    ...others.map((v): [string, string] => [`vehicle (${v.interest})`, describeVehicle(v)]),
    ...prospect.vehicles.flatMap((v) => v.comments.map((c): [string, string] => ['vehicle comments', c])),
    ...offered.slice(1).map((v): [string, string] => [`vehicle (${v.interest})`, describeVehicle(v)]),
    ...prospect.phones.filter((p) => p !== phone).map((p): [string, string] => [phoneLabel(p), p.number]),
    ...(phone?.time ? [['phone time', phone.time] as [string, string]] : []),
    ...prospect.emails.map((e): [string, string] => ['email', e]),
  ];
  if (timeframe && horizon === undefined) {
    const words = [timeframe.description, timeframe.earliestDate, timeframe.latestDate].filter(Boolean);
    noteLines.push(['timeframe', words.join(' – ')]);
  }
  return {
    name: prospect.name ?? '',
    phone: phone?.number ?? '',
    seriesTexts,
    seriesLabel: first ? describeVehicle(first) || undefined : undefined,
    currentCar: offered[0] ? describeVehicle(offered[0]) || undefined : undefined,
    address: prospect.address,
    horizon,
    occurredAt,
    externalId: id?.value.slice(0, INTAKE_LIMITS.externalId),
    providerName: prospect.provider?.name,
    noteLines: noteLines.filter(([, value]) => value.trim() !== ''),
  };
};
