import type { Horizon } from '@qianke/core/leads/horizon';

/** What one captured lead says, from any channel (captureLead alone, captureLeads in a batch). */
export type CaptureLeadInput = {
  dealerId: string;
  /** The user who captured it; null for the intake API and imports by key. */
  actorId: string | null;
  customer: {
    name: string;
    phoneE164: string;
    phoneRaw: string;
    kind?: 'person' | 'company';
    gender?: 'male' | 'female' | null;
    region?: string | null;
    address?: string | null;
    occupation?: string | null;
    company?: string | null;
    currentCar?: string | null;
    budgetMin?: number | null;
    budgetMax?: number | null;
    paymentIntent?: 'cash' | 'loan' | 'undecided' | null;
  };
  lead: {
    sourceId: string;
    channel: string;
    seriesId?: string | null;
    modelId?: string | null;
    colourId?: string | null;
    campaignCode?: string | null;
    level?: 'O' | 'H' | 'A' | 'B' | 'C' | null;
    horizon?: Horizon | null;
    note?: string | null;
    externalId?: string | null;
    rawPayload?: unknown;
  };
  /** Owner of a new customer and of the lead; a known customer keeps its owner, who gets the lead. */
  ownerId?: string | null;
  occurredAt: Date;
  /** When it is recorded (the server's clock); the inquiry may have happened earlier. Default: occurredAt. */
  now?: Date;
  /** A known customer's open lead takes this contact instead of a new lead (a returning visitor). */
  reuseOpenLead?: boolean;
  /** What the audit row says captured it: 'intake.json', 'intake.adf', 'showroom', 'import', 'manual'. */
  via: string;
  requestId?: string;
};

/** What the inquiry itself says, as the lead row stores it (one capture or a batch of them). */
export const leadFieldsOf = (lead: CaptureLeadInput['lead']) => ({
  sourceId: lead.sourceId,
  channel: lead.channel,
  seriesId: lead.seriesId ?? null,
  modelId: lead.modelId ?? null,
  colourId: lead.colourId ?? null,
  campaignCode: lead.campaignCode ?? null,
  level: lead.level ?? null,
  horizon: lead.horizon ?? null,
  note: lead.note ?? null,
  externalId: lead.externalId ?? null,
  rawPayload: lead.rawPayload ?? null,
});

export type CaptureLeadResult = {
  customerId: string;
  leadId: string;
  duplicate: boolean;
  ownerId: string | null;
};
