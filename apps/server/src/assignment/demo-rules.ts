import type { Executor } from '../infra/db/database';
import { insertRule, userIdByUsername } from './assignment.repo';

/**
 * The demo store's automatic assignment: online and hotline leads go to the DCC desk (issue 4: "in the
 * demo store, portal leads arriving by the intake API are assigned automatically by the demo rules").
 */
export const loadDemoAssignmentRules = async (
  tx: Executor,
  input: { store1Id: string; now: Date },
): Promise<void> => {
  const dcc1 = await userIdByUsername(tx, input.store1Id, 'dcc1');
  if (!dcc1) throw new Error('the demo store 1 has no dcc1');
  await insertRule(
    tx,
    input.store1Id,
    {
      name: '网络线索 → DCC / Portal leads to DCC',
      priority: 10,
      match: { channels: ['portal', 'website', 'online_order', 'hotline_400'], sourceCodes: [] },
      poolUserIds: [dcc1],
      openLeadCap: 60,
      active: true,
    },
    input.now,
  );
};
