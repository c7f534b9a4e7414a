import { describe, expect, it } from 'vitest';
import {
  ASSIGNEE_DISABLED,
  assigneeProblem,
  canTakeLeads,
  customerOwnerAfter,
  NO_SUCH_ASSIGNEE,
  NOT_A_NURTURER,
  NOT_AN_ASSIGNEE,
  nurturerProblem,
} from './assignees';

describe('who may be given leads', () => {
  it.each([
    [['consultant'], undefined],
    [['dcc_agent'], undefined],
    [['crm_specialist'], undefined],
    [['sales_manager', 'consultant'], undefined],
    [['sales_manager'], NOT_AN_ASSIGNEE],
    [['receptionist'], NOT_AN_ASSIGNEE],
    [['admin'], NOT_AN_ASSIGNEE],
    [['marketing_manager'], NOT_AN_ASSIGNEE],
    [[], NOT_AN_ASSIGNEE],
  ] as const)('%j -> %s', (roles, problem) => {
    expect(assigneeProblem({ roles, disabled: false })).toBe(problem);
    expect(canTakeLeads(roles)).toBe(problem === undefined);
  });

  it('refuses a disabled account and an unknown user', () => {
    expect(assigneeProblem({ roles: ['consultant'], disabled: true })).toBe(ASSIGNEE_DISABLED);
    expect(assigneeProblem(undefined)).toBe(NO_SUCH_ASSIGNEE);
  });

  it.each([
    [{ roles: ['crm_specialist'], disabled: false }, undefined],
    [{ roles: ['consultant', 'crm_specialist'], disabled: false }, undefined],
    [{ roles: ['consultant'], disabled: false }, NOT_A_NURTURER],
    [{ roles: ['dcc_agent'], disabled: false }, NOT_A_NURTURER],
    [{ roles: ['crm_specialist'], disabled: true }, ASSIGNEE_DISABLED],
    [undefined, NO_SUCH_ASSIGNEE],
  ] as const)('nurturing pool: %j -> %s', (candidate, problem) => {
    expect(nurturerProblem(candidate)).toBe(problem);
  });
});

describe("the customer's owner after a lead changes hands", () => {
  it.each([
    // customer owner, lead owner before, new owner -> customer owner after
    [null, null, 'li', 'li'],
    ['wang', 'wang', 'li', 'li'],
    ['wang', null, 'li', 'wang'],
    ['zhang', 'wang', 'li', 'zhang'],
    ['wang', 'wang', null, 'wang'],
    [null, 'wang', null, null],
  ] as const)('customer %s, lead from %s to %s -> %s', (customer, before, next, after) => {
    expect(
      customerOwnerAfter({ customerOwnerId: customer, previousLeadOwnerId: before, newOwnerId: next }),
    ).toBe(after);
  });
});
