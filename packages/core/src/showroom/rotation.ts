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
