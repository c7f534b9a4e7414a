/**
 * What the customer kept by a merge (DOMAIN §3, 合并) takes from the others: their phone numbers, as
 * further numbers of its card, and whatever its own card leaves empty. Nothing the kept card already
 * says is overwritten.
 */
export type OtherPhone = { e164: string; raw: string | null; label: string | null };

export type MergeProfile = {
  cardNo: string;
  phoneE164: string | null;
  phoneRaw: string | null;
  otherPhones: readonly OtherPhone[];
  gender: string | null;
  region: string | null;
  address: string | null;
  occupation: string | null;
  company: string | null;
  currentCar: string | null;
  budgetMin: number | null;
  budgetMax: number | null;
  paymentIntent: string | null;
  ownerId: string | null;
  sourceId: string | null;
  level: string | null;
  nextContactAt: Date | null;
};

/** Taken from the first merged card that has them, in the order the cards were given. */
const FILLED_ONE_BY_ONE = [
  'gender',
  'region',
  'address',
  'occupation',
  'company',
  'currentCar',
  'paymentIntent',
  'ownerId',
  'sourceId',
  'level',
] as const;

export type MergePatch = Partial<Omit<MergeProfile, 'cardNo' | 'phoneE164' | 'phoneRaw'>> & {
  otherPhones: OtherPhone[];
};

export const mergePatchFor = (survivor: MergeProfile, others: readonly MergeProfile[]): MergePatch => {
  const seen = new Set<string>(survivor.phoneE164 ? [survivor.phoneE164] : []);
  const otherPhones: OtherPhone[] = [];
  const keep = (phone: OtherPhone) => {
    if (seen.has(phone.e164)) return;
    seen.add(phone.e164);
    otherPhones.push(phone);
  };
  survivor.otherPhones.forEach(keep);
  for (const other of others) {
    if (other.phoneE164) keep({ e164: other.phoneE164, raw: other.phoneRaw, label: other.cardNo });
    other.otherPhones.forEach(keep);
  }

  const patch: MergePatch = { otherPhones };
  for (const field of FILLED_ONE_BY_ONE) {
    if (survivor[field] !== null) continue;
    const source = others.find((other) => other[field] !== null);
    if (source) Object.assign(patch, { [field]: source[field] });
  }
  // A budget is a range: take both ends from one card.
  if (survivor.budgetMin === null && survivor.budgetMax === null) {
    const budget = others.find((other) => other.budgetMin !== null || other.budgetMax !== null);
    if (budget) Object.assign(patch, { budgetMin: budget.budgetMin, budgetMax: budget.budgetMax });
  }
  // A contact someone planned must not be lost: the earliest one wins.
  const planned = [survivor, ...others]
    .map((card) => card.nextContactAt)
    .filter((at): at is Date => at !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  if (planned && planned.getTime() !== survivor.nextContactAt?.getTime()) patch.nextContactAt = planned;
  return patch;
};
