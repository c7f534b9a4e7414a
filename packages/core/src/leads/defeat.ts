import { DomainError } from '../shared/domain-error';
import { addMonths, instantAt } from '../shared/local-time';

/**
 * Defeat (战败) with approval, DOMAIN §3: a consultant asks to close a lead as lost with a reason from
 * the store's list; the sales manager approves (the lead closes as lost, goes to another owner, or
 * moves to the nurturing pool) or rejects it (the lead stays open with the manager's note). A pending
 * request blocks nothing else: the lead can still be followed up while it waits.
 */
export const DEFEAT_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type DefeatStatus = (typeof DEFEAT_STATUSES)[number];

export const DEFEAT_OUTCOMES = ['lost', 'reassigned', 'nurturing'] as const;
export type DefeatOutcome = (typeof DEFEAT_OUTCOMES)[number];

export type LeadStatus = 'open' | 'won' | 'lost' | 'nurturing';

export type DefeatReasonSeed = {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The consultant must name the competitor's brand (DOMAIN §3: "competitor brand/model"). */
  needsCompetitor: boolean;
  sort: number;
};

/** The list a new store starts with (seeds 000 and 004); each store may rename, add or retire reasons. */
export const DEFAULT_DEFEAT_REASONS: readonly DefeatReasonSeed[] = [
  {
    code: 'bought_competitor',
    nameZh: '已购竞品',
    nameEn: 'Bought a competitor',
    needsCompetitor: true,
    sort: 10,
  },
  { code: 'price', nameZh: '价格原因', nameEn: 'Price', needsCompetitor: false, sort: 20 },
  {
    code: 'financing_refused',
    nameZh: '贷款未获批',
    nameEn: 'Financing refused',
    needsCompetitor: false,
    sort: 30,
  },
  {
    code: 'no_longer_buying',
    nameZh: '暂不购车',
    nameEn: 'No longer buying',
    needsCompetitor: false,
    sort: 40,
  },
  { code: 'unreachable', nameZh: '无法联系', nameEn: 'Unreachable', needsCompetitor: false, sort: 50 },
  { code: 'other', nameZh: '其他', nameEn: 'Other', needsCompetitor: false, sort: 60 },
];

/** Leads that can still be lost: open ones and those in the nurturing pool. */
export const isLeadActive = (status: LeadStatus): boolean => status === 'open' || status === 'nurturing';

export const COMPETITOR_REQUIRED = 'Name the brand the customer bought instead.';

/**
 * Whether this person may ask for the defeat of this lead now; throws the reason when not.
 * Only its owner or a sales manager may ask, only for a lead still active, one request at a time.
 */
export const checkDefeatRequest = (input: {
  leadStatus: LeadStatus;
  callerIsOwner: boolean;
  callerIsManager: boolean;
  hasPendingRequest: boolean;
  needsCompetitor: boolean;
  competitorBrand: string | null | undefined;
}): void => {
  if (!input.callerIsOwner && !input.callerIsManager) {
    throw new DomainError('forbidden', "Only the lead's owner or a sales manager can ask for its defeat.");
  }
  if (!isLeadActive(input.leadStatus)) {
    throw new DomainError('conflict', `This lead is already closed (${input.leadStatus}).`);
  }
  if (input.hasPendingRequest) {
    throw new DomainError('conflict', 'This lead already has a defeat request waiting for a decision.');
  }
  if (input.needsCompetitor && !input.competitorBrand?.trim()) {
    throw new DomainError('validation_failed', COMPETITOR_REQUIRED, {
      fields: { competitorBrand: COMPETITOR_REQUIRED },
    });
  }
};

/** What the manager decided. */
export type DefeatDecision =
  | { kind: 'approve'; outcome: 'lost' }
  | { kind: 'approve'; outcome: 'reassigned'; newOwnerId: string | null | undefined }
  | { kind: 'approve'; outcome: 'nurturing'; newOwnerId: string | null | undefined }
  | { kind: 'reject'; managerNote: string | null | undefined };

/** What a decision does to the request and to its lead. */
export type DefeatEffect = {
  requestStatus: 'approved' | 'rejected';
  outcome: DefeatOutcome | null;
  /** null: the lead is left as it is. */
  lead: null | {
    status: LeadStatus;
    /** 'keep': the owner stays; a user id or null: the lead moves there (null = the distribution queue). */
    owner: 'keep' | string | null;
    /** Closed leads get their closing time. */
    closed: boolean;
    /** Open tasks: cancelled (nobody follows the lead up any more) or moved with the lead to its new owner. */
    tasks: 'cancel' | 'move' | 'keep';
  };
};

export const NEW_OWNER_REQUIRED = 'Choose who takes the lead over.';
export const SAME_OWNER = 'Choose someone other than the current owner.';
export const MANAGER_NOTE_REQUIRED = 'Tell the consultant why the lead stays open.';

/**
 * The decision state machine: pending -> approved (lost | reassigned | nurturing) or rejected; a
 * decided request is final. Approving needs the lead still active (it may have been won meanwhile);
 * rejecting leaves the lead as it is, whatever happened to it.
 */
export const decideDefeat = (
  request: { status: DefeatStatus },
  lead: { status: LeadStatus; ownerId: string | null },
  decision: DefeatDecision,
): DefeatEffect => {
  if (request.status !== 'pending') {
    throw new DomainError('conflict', `This defeat request was already ${request.status}.`);
  }
  if (decision.kind === 'reject') {
    if (!decision.managerNote?.trim()) {
      throw new DomainError('validation_failed', MANAGER_NOTE_REQUIRED, {
        fields: { managerNote: MANAGER_NOTE_REQUIRED },
      });
    }
    return { requestStatus: 'rejected', outcome: null, lead: null };
  }
  if (!isLeadActive(lead.status)) {
    throw new DomainError(
      'conflict',
      `The lead was closed (${lead.status}) in the meantime: reject the request or leave it.`,
    );
  }
  switch (decision.outcome) {
    case 'lost':
      return {
        requestStatus: 'approved',
        outcome: 'lost',
        lead: { status: 'lost', owner: 'keep', closed: true, tasks: 'cancel' },
      };
    case 'reassigned': {
      if (!decision.newOwnerId) {
        throw new DomainError('validation_failed', NEW_OWNER_REQUIRED, {
          fields: { newOwnerId: NEW_OWNER_REQUIRED },
        });
      }
      if (decision.newOwnerId === lead.ownerId) {
        throw new DomainError('validation_failed', SAME_OWNER, { fields: { newOwnerId: SAME_OWNER } });
      }
      return {
        requestStatus: 'approved',
        outcome: 'reassigned',
        lead: { status: 'open', owner: decision.newOwnerId, closed: false, tasks: 'move' },
      };
    }
    case 'nurturing': {
      const owner = decision.newOwnerId ?? null;
      return {
        requestStatus: 'approved',
        outcome: 'nurturing',
        lead: { status: 'nurturing', owner, closed: false, tasks: owner ? 'move' : 'cancel' },
      };
    }
  }
};

/** The instants a calendar month `YYYY-MM` starts and ends at in the store's time zone: [from, to). */
export const monthBounds = (month: string, timeZone: string): { from: Date; to: Date } => {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const first = { year, month: m, day: 1 };
  return { from: instantAt(first, 0, 0, timeZone), to: instantAt(addMonths(first, 1), 0, 0, timeZone) };
};

export type DefeatRequestRow = {
  requestedBy: string;
  reasonId: string;
  status: DefeatStatus;
  outcome: DefeatOutcome | null;
  createdAt: Date;
  decidedAt: Date | null;
};

export type DefeatTally = {
  userId: string;
  /** Requests made in the month. */
  requested: number;
  /** Of those, still waiting for a decision. */
  pending: number;
  /** Approvals and rejections decided in the month (of requests made then or earlier). */
  approved: { total: number; lost: number; reassigned: number; nurturing: number };
  rejected: number;
  byReason: { reasonId: string; requested: number; approved: number }[];
};

const within = (at: Date | null, range: { from: Date; to: Date }): boolean =>
  at !== null && at >= range.from && at < range.to;

/**
 * The monthly defeat record per consultant (战败记录, DOMAIN §3): what each asked for in the month, and
 * what the manager decided in the month. A request made on 31 March and approved on 1 April counts as
 * requested in March and approved in April.
 */
export const tallyDefeats = (
  rows: readonly DefeatRequestRow[],
  range: { from: Date; to: Date },
): DefeatTally[] => {
  const tallies = new Map<
    string,
    DefeatTally & { reasons: Map<string, { requested: number; approved: number }> }
  >();
  const tallyOf = (userId: string) => {
    let tally = tallies.get(userId);
    if (!tally) {
      tally = {
        userId,
        requested: 0,
        pending: 0,
        approved: { total: 0, lost: 0, reassigned: 0, nurturing: 0 },
        rejected: 0,
        byReason: [],
        reasons: new Map(),
      };
      tallies.set(userId, tally);
    }
    return tally;
  };
  const reasonOf = (tally: ReturnType<typeof tallyOf>, reasonId: string) => {
    let reason = tally.reasons.get(reasonId);
    if (!reason) {
      reason = { requested: 0, approved: 0 };
      tally.reasons.set(reasonId, reason);
    }
    return reason;
  };
  for (const row of rows) {
    const requestedNow = within(row.createdAt, range);
    const decidedNow = within(row.decidedAt, range);
    if (!requestedNow && !decidedNow) continue;
    const tally = tallyOf(row.requestedBy);
    if (requestedNow) {
      tally.requested++;
      if (row.status === 'pending') tally.pending++;
      reasonOf(tally, row.reasonId).requested++;
    }
    if (decidedNow && row.status === 'rejected') tally.rejected++;
    if (decidedNow && row.status === 'approved' && row.outcome) {
      tally.approved.total++;
      tally.approved[row.outcome]++;
      reasonOf(tally, row.reasonId).approved++;
    }
  }
  return [...tallies.values()].map(({ reasons, ...tally }) => ({
    ...tally,
    byReason: [...reasons.entries()]
      .map(([reasonId, counts]) => ({ reasonId, ...counts }))
      .sort(
        (a, b) =>
          b.requested + b.approved - (a.requested + a.approved) || a.reasonId.localeCompare(b.reasonId),
      ),
  }));
};
