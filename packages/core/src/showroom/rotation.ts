/**
 * Fair rotation of the consultant on duty (轮岗接待): the receptionist is offered the consultant who is
 * free, has received the fewest customers today, and has waited longest since the last one.
 */
export type DutyConsultant = {
  userId: string;
  receptionsToday: number;
  lastReceptionAt: Date | null;
  /** With a customer in the showroom right now. */
  busy: boolean;
};

export const suggestConsultant = (candidates: readonly DutyConsultant[]): string | undefined => {
  const ranked = [...candidates].sort(
    (a, b) =>
      Number(a.busy) - Number(b.busy) ||
      a.receptionsToday - b.receptionsToday ||
      (a.lastReceptionAt?.getTime() ?? 0) - (b.lastReceptionAt?.getTime() ?? 0) ||
      a.userId.localeCompare(b.userId),
  );
  return ranked[0]?.userId;
};

/**
 * Why the rotation offers this consultant, for the receptionist (translated by the web app):
 * - only_one_on_duty: only one consultant is on duty;
 * - everyone_busy: everyone is with a customer, so the one with the fewest receptions who waited longest;
 * - no_reception_today: free, and has received nobody today;
 * - fewest_receptions: free, with fewer receptions today than every other free consultant;
 * - waited_longest: free, as few receptions as another, but waited longer since the last one.
 */
export const SUGGESTION_REASONS = [
  'only_one_on_duty',
  'everyone_busy',
  'no_reception_today',
  'fewest_receptions',
  'waited_longest',
] as const;

export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export type Suggestion = { userId: string; reason: SuggestionReason };

/** The consultant suggestConsultant offers, with the reason the receptionist is shown. */
export const suggestConsultantWithReason = (
  candidates: readonly DutyConsultant[],
): Suggestion | undefined => {
  const userId = suggestConsultant(candidates);
  const chosen = candidates.find((c) => c.userId === userId);
  if (!userId || !chosen) return undefined;
  if (candidates.length === 1) return { userId, reason: 'only_one_on_duty' };
  if (chosen.busy) return { userId, reason: 'everyone_busy' };
  if (chosen.receptionsToday === 0) return { userId, reason: 'no_reception_today' };
  const tied = candidates.some(
    (c) => !c.busy && c.userId !== userId && c.receptionsToday === chosen.receptionsToday,
  );
  return { userId, reason: tied ? 'waited_longest' : 'fewest_receptions' };
};
