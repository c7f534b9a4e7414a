import { describe, expect, it } from 'vitest';
import { type Holiday, PRESET_SEED_001, PRESET_SEED_003 } from './cadence';
import { type CurrentRuleTask, desiredLeadTask, type LeadForPlanning, sameTask } from './lead-task';

const SH = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();

const lead = (patch: Partial<LeadForPlanning> = {}): LeadForPlanning => ({
  status: 'open',
  ownerId: 'u1',
  level: null,
  createdAt: at('2026-11-25T10:00:00'),
  firstContactDueAt: at('2026-11-26T10:00:00'),
  firstContactedAt: null,
  lastFollowUpAt: null,
  deliveredAt: null,
  ...patch,
});

const plan = (
  l: LeadForPlanning,
  current: CurrentRuleTask | null = null,
  options: { rules?: typeof PRESET_SEED_001; holidays?: Holiday[]; timeZone?: string } = {},
) =>
  desiredLeadTask({
    lead: l,
    current,
    rules: options.rules ?? PRESET_SEED_001,
    timeZone: options.timeZone ?? SH,
    holidays: options.holidays ?? [],
  });

const contacted = (day: string, level: LeadForPlanning['level']) =>
  lead({ level, firstContactedAt: at(`${day}T15:00:00`), lastFollowUpAt: at(`${day}T15:00:00`) });

describe('the one open rule task of a lead', () => {
  it.each([
    ['lost', lead({ status: 'lost', level: 'B' })],
    ['without an owner', lead({ ownerId: null })],
  ])('a lead %s has none', (_, l) => {
    expect(plan(l)).toBeNull();
  });

  it('a new lead nobody has called yet: the first call-back, due when capture said', () => {
    expect(plan(lead())).toEqual({
      kind: 'first_contact',
      ruleKey: 'first_contact',
      dueAt: at('2026-11-26T10:00:00'),
      assigneeId: 'u1',
    });
  });

  it('without a stored due time, the first call-back is the rule table`s hours after the lead came in', () => {
    expect(plan(lead({ firstContactDueAt: null }))?.dueAt.toISOString()).toBe(iso('2026-11-26T10:00:00'));
  });

  it.each([
    ['A', 'seed_001', '2026-11-26', 'cadence.A'],
    ['B', 'seed_001', '2026-12-02', 'cadence.B'],
    ['O', 'seed_001', '2026-11-28', 'cadence.O'],
    ['A', 'seed_003', '2026-11-27', 'cadence.A'],
    ['O', 'seed_003', '2026-12-02', 'cadence.O'],
    [null, 'seed_001', '2026-12-02', 'cadence.B'],
  ] as const)('contacted on 25 Nov at level %s (%s): due %s at 18:00 (%s)', (level, preset, day, ruleKey) => {
    const rules = preset === 'seed_001' ? PRESET_SEED_001 : PRESET_SEED_003;
    const task = plan(contacted('2026-11-25', level), null, { rules });
    expect(task).toMatchObject({ kind: 'follow_up', ruleKey, assigneeId: 'u1' });
    expect(task?.dueAt.toISOString()).toBe(iso(`${day}T18:00:00`));
  });

  it('month end: an A lead contacted on 31 Jan is due on 1 Feb; a monthly rule clamps to 28 Feb', () => {
    expect(plan(contacted('2027-01-31', 'A'))?.dueAt.toISOString()).toBe(iso('2027-02-01T18:00:00'));
    const monthly = {
      ...PRESET_SEED_001,
      levels: { ...PRESET_SEED_001.levels, B: { every: 1, unit: 'month' as const } },
    };
    expect(plan(contacted('2027-01-31', 'B'), null, { rules: monthly })?.dueAt.toISOString()).toBe(
      iso('2027-02-28T18:00:00'),
    );
  });

  it("counts in the store's calendar: contacted 00:30 Shanghai on 1 Dec (still 30 Nov in UTC) -> A due 2 Dec", () => {
    const l = lead({
      level: 'A',
      firstContactedAt: at('2026-12-01T00:30:00'),
      lastFollowUpAt: at('2026-12-01T00:30:00'),
    });
    expect(plan(l)?.dueAt.toISOString()).toBe(iso('2026-12-02T18:00:00'));
  });

  it('another time zone: due at 18:00 in that store', () => {
    const l = lead({
      level: 'A',
      firstContactedAt: new Date('2026-11-25T15:00:00Z'),
      lastFollowUpAt: new Date('2026-11-25T15:00:00Z'),
    });
    expect(plan(l, null, { timeZone: 'Europe/Berlin' })?.dueAt.toISOString()).toBe(
      '2026-11-26T17:00:00.000Z',
    );
  });

  it('C level: holiday care on the eve of the next holiday in the calendar', () => {
    const task = plan(contacted('2026-09-20', 'C'), null, {
      holidays: [{ date: '2026-10-01', nameZh: '国庆节', nameEn: 'National Day' }],
    });
    expect(task).toMatchObject({ kind: 'holiday_care', ruleKey: 'cadence.C.holiday' });
    expect(task?.dueAt.toISOString()).toBe(iso('2026-09-30T18:00:00'));
  });

  it('a next contact a person chose stays where they put it, with the owner of today', () => {
    const current = { kind: 'follow_up', ruleKey: 'manual_next', dueAt: at('2026-12-10T09:30:00') };
    expect(plan({ ...contacted('2026-11-25', 'A'), ownerId: 'u2' }, current)).toEqual({
      kind: 'follow_up',
      ruleKey: 'manual_next',
      dueAt: at('2026-12-10T09:30:00'),
      assigneeId: 'u2',
    });
  });

  it('a stale rule task is replaced by the rule of today', () => {
    const current = { kind: 'follow_up', ruleKey: 'cadence.B', dueAt: at('2026-12-02T18:00:00') };
    expect(plan(contacted('2026-11-25', 'A'), current)?.ruleKey).toBe('cadence.A');
  });

  it('won and delivered: owner care every 2 weeks from the delivery day', () => {
    const l = lead({
      status: 'won',
      level: 'O',
      firstContactedAt: at('2026-10-01T10:00:00'),
      lastFollowUpAt: at('2026-11-05T11:00:00'),
      deliveredAt: at('2026-11-05T11:00:00'),
    });
    expect(plan(l)).toMatchObject({ kind: 'owner_care', ruleKey: 'owner_care.intensive' });
    expect(plan(l)?.dueAt.toISOString()).toBe(iso('2026-11-19T18:00:00'));
  });

  it('won but not delivered yet: the order cadence (O)', () => {
    const l = { ...contacted('2026-11-25', null), status: 'won' as const };
    expect(plan(l)).toMatchObject({ ruleKey: 'cadence.O' });
  });

  it('nurturing: a milestone of the nurturing plan stays, else C-level care', () => {
    const l = { ...contacted('2026-11-25', 'B'), status: 'nurturing' as const };
    const milestone = { kind: 'nurturing', ruleKey: 'nurturing.m4_6', dueAt: at('2027-02-25T10:00:00') };
    expect(plan(l, milestone)).toMatchObject({ ruleKey: 'nurturing.m4_6', kind: 'nurturing' });
    expect(plan(l)?.ruleKey).toBe('cadence.C.fallback');
  });

  it('planning twice gives the same task', () => {
    const l = contacted('2026-11-25', 'H');
    const first = plan(l);
    const again = plan(l, first && { ...first });
    expect(sameTask(first && { ...first }, again)).toBe(true);
  });
});

describe('sameTask', () => {
  const task = {
    kind: 'follow_up',
    ruleKey: 'cadence.A',
    dueAt: at('2026-11-26T18:00:00'),
    assigneeId: 'u1',
  };
  it.each([
    ['identical', task, true],
    ['another due time', { ...task, dueAt: at('2026-11-27T18:00:00') }, false],
    ['another assignee', { ...task, assigneeId: 'u2' }, false],
    ['another rule', { ...task, ruleKey: 'cadence.B' }, false],
  ])('%s -> %s', (_, other, same) => {
    expect(sameTask(task, other)).toBe(same);
  });
  it('nothing and nothing are the same; something and nothing are not', () => {
    expect(sameTask(null, null)).toBe(true);
    expect(sameTask(task, null)).toBe(false);
  });
});
