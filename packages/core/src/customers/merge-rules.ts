/**
 * Merge (合并, DOMAIN §3 and seed 004): several non-fleet customers without orders become one, which
 * keeps every lead, visit and follow-up of all. Fleet customers and customers with orders are kept
 * apart, since their contracts and invoices name them.
 */
export type MergeCandidate = {
  id: string;
  name: string;
  fleet: boolean;
  orderCount: number;
  mergedIntoId: string | null;
};

export type MergeProblem = { customerId: string | null; message: string };

export const mergeProblems = (survivorId: string, candidates: readonly MergeCandidate[]): MergeProblem[] => {
  const problems: MergeProblem[] = [];
  if (new Set(candidates.map((c) => c.id)).size < 2) {
    problems.push({ customerId: null, message: 'Choose at least two customers to merge.' });
  }
  if (!candidates.some((c) => c.id === survivorId)) {
    problems.push({ customerId: survivorId, message: 'The customer to keep must be one of those merged.' });
  }
  for (const c of candidates) {
    if (c.fleet)
      problems.push({ customerId: c.id, message: `${c.name} is a fleet customer and cannot be merged.` });
    if (c.orderCount > 0)
      problems.push({ customerId: c.id, message: `${c.name} has orders and cannot be merged.` });
    if (c.mergedIntoId)
      problems.push({ customerId: c.id, message: `${c.name} was already merged into another customer.` });
  }
  return problems;
};
