import type { Executor } from '../infra/db/database';
import { insertInvitationRows, type NewInvitationRow } from './invitations.repo';

export type DemoInvitation = NewInvitationRow;

/** The demo's past invitations (made by dcc/demo-dcc.ts), in one statement. */
export const insertDemoInvitations = (tx: Executor, rows: readonly DemoInvitation[]) =>
  insertInvitationRows(tx, rows);
