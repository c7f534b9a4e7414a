import { LEVELS } from '@qianke/core/leads/grading';
import { HORIZONS } from '@qianke/core/leads/horizon';
import { z } from 'zod';
import { ZId, ZVersion } from './common';

/**
 * The follow-up engine (issue 4): the store's rule table and holiday calendar, grading, follow-up
 * records, and tasks (the Today worklist). `GET /api/v1/tasks` is a promise to integrators: its
 * names do not change.
 */

const ZGradeLevel = z.enum(LEVELS, { message: 'Choose one of the levels O, H, A, B, C.' });
const ZGradeHorizon = z.enum(HORIZONS, { message: `Choose one of: ${HORIZONS.join(', ')}.` });
const ZIsoDateTime = z.iso.datetime({
  offset: true,
  message: 'A date and time such as 2026-11-26T10:00:00+08:00.',
});
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Use at most ${max} characters.` });

// The rule table

export const CADENCE_PRESET_NAMES = ['seed_001', 'seed_003'] as const;
export const ZCadencePresetName = z.enum(CADENCE_PRESET_NAMES, {
  message: 'Choose the preset seed_001 or seed_003.',
});
export const ZRuleSetPreset = z.enum([...CADENCE_PRESET_NAMES, 'custom']);

export const INTERVAL_UNITS = ['day', 'week', 'month'] as const;
export const ZInterval = z.object({
  every: z
    .number({ message: 'Enter a whole number of at least 1.' })
    .int({ message: 'Enter a whole number of at least 1.' })
    .min(1, { message: 'Enter a whole number of at least 1.' })
    .max(365, { message: 'Use at most 365.' }),
  unit: z.enum(INTERVAL_UNITS, { message: 'Choose days, weeks or months.' }),
});
export type TInterval = z.infer<typeof ZInterval>;

export const ZLevelCadence = z.union([ZInterval, z.literal('holiday')]);

export const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rule table as the API shows and takes it; the due time is local `HH:MM` in the store. */
export const ZCadenceRules = z
  .object({
    levels: z.object({
      O: ZLevelCadence,
      H: ZLevelCadence,
      A: ZLevelCadence,
      B: ZLevelCadence,
      C: ZLevelCadence,
    }),
    firstContactHours: z
      .number({ message: 'Enter a number of hours from 1 to 168.' })
      .int({ message: 'Enter a number of hours from 1 to 168.' })
      .min(1, { message: 'Enter a number of hours from 1 to 168.' })
      .max(168, { message: 'Enter a number of hours from 1 to 168.' }),
    ownerCare: z.object({
      intensive: ZInterval,
      intensiveMonths: z
        .number({ message: 'Enter a number of months from 1 to 24.' })
        .int({ message: 'Enter a number of months from 1 to 24.' })
        .min(1, { message: 'Enter a number of months from 1 to 24.' })
        .max(24, { message: 'Enter a number of months from 1 to 24.' }),
      /** After the intensive months (core calls it `then`; a `then` key would make the object thenable). */
      regular: ZInterval,
    }),
    holidayFallback: ZInterval,
    dueTime: z.string().regex(HH_MM, { message: 'A local time such as 18:00.' }),
  })
  .meta({ id: 'CadenceRules' });
export type TCadenceRules = z.infer<typeof ZCadenceRules>;

export const ZCadenceRuleSet = z
  .object({
    preset: ZRuleSetPreset,
    rules: ZCadenceRules,
    /** The two presets of the seeds, for the "reset to preset" buttons. */
    presets: z.object({ seed_001: ZCadenceRules, seed_003: ZCadenceRules }),
    timeZone: z.string(),
    updatedAt: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'CadenceRuleSet' });
export type TCadenceRuleSet = z.infer<typeof ZCadenceRuleSet>;

export const ZUpdateCadenceRulesRequest = z.object({
  preset: ZRuleSetPreset,
  rules: ZCadenceRules,
  version: ZVersion,
});
export type TUpdateCadenceRulesRequest = z.infer<typeof ZUpdateCadenceRulesRequest>;

export const ZResetCadencePresetRequest = z.object({
  preset: ZCadencePresetName,
  version: ZVersion.optional(),
});
export type TResetCadencePresetRequest = z.infer<typeof ZResetCadencePresetRequest>;

/** What a change of the rule table did to the open tasks. */
export const ZCadenceRulesSaved = ZCadenceRuleSet.extend({
  replanned: z.number().int().meta({ description: 'Open rule tasks that moved, were added or cancelled' }),
}).meta({ id: 'CadenceRulesSaved' });
export type TCadenceRulesSaved = z.infer<typeof ZCadenceRulesSaved>;

// Holidays

export const ZLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date such as 2026-10-01.' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), {
    message: 'A date such as 2026-10-01.',
  });

export const ZHoliday = z
  .object({ date: ZLocalDate, nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'Holiday' });
export type THoliday = z.infer<typeof ZHoliday>;

export const ZHolidayList = z
  .object({
    items: z.array(ZHoliday),
    /** Years for which the Chinese public holidays can be added with one click. */
    cnPublicHolidayYears: z.array(z.number().int()),
  })
  .meta({ id: 'HolidayList' });
export type THolidayList = z.infer<typeof ZHolidayList>;

export const ZAddHolidayRequest = z.object({
  date: ZLocalDate,
  nameZh: z.string().trim().min(1, { message: 'Enter the name of the holiday.' }).max(40, {
    message: 'Use at most 40 characters.',
  }),
  nameEn: z.string().trim().max(60, { message: 'Use at most 60 characters.' }).optional(),
});
export type TAddHolidayRequest = z.infer<typeof ZAddHolidayRequest>;

export const ZAddPublicHolidaysRequest = z.object({
  year: z.number().int().min(2000).max(2100),
});
export type TAddPublicHolidaysRequest = z.infer<typeof ZAddPublicHolidaysRequest>;

export const ZHolidaysAdded = ZHolidayList.extend({ added: z.number().int() });
export type THolidaysAdded = z.infer<typeof ZHolidaysAdded>;

export const ZHolidayDateParams = z.object({ date: ZLocalDate });

// Grading

const ZZhEn = z.object({ zh: z.string(), en: z.string() });

export const ZGradingTable = z
  .object({
    levels: z.array(
      z.object({
        level: ZGradeLevel,
        meaning: ZZhEn,
        criteria: z.array(z.object({ key: z.string(), zh: z.string(), en: z.string() })),
        cadence: ZLevelCadence.meta({ description: "The store's rule table for this level" }),
      }),
    ),
    horizons: z.array(z.object({ horizon: ZGradeHorizon, temperature: z.enum(['hot', 'warm', 'cold']) })),
    man: z.array(
      z.object({
        code: z.string(),
        money: z.boolean(),
        authority: z.boolean(),
        need: z.boolean(),
        prospect: z.boolean(),
        zh: z.string(),
        en: z.string(),
      }),
    ),
  })
  .meta({ id: 'GradingTable' });
export type TGradingTable = z.infer<typeof ZGradingTable>;

export const ZMan = z
  .object({ money: z.boolean(), authority: z.boolean(), need: z.boolean() })
  .meta({ id: 'Man', description: 'MAN qualification: money, authority, need (true = has it)' });
export type TMan = z.infer<typeof ZMan>;

/** The action seed 001 recommends for a MAN combination (core/leads/man.ts). */
export const ZManAction = z
  .object({ code: z.string(), prospect: z.boolean(), zh: z.string(), en: z.string() })
  .meta({ id: 'ManAction' });
export type TManAction = z.infer<typeof ZManAction>;

export const ZChangeLevelRequest = z.object({
  level: ZGradeLevel,
  horizon: ZGradeHorizon.nullish(),
  criteria: z.array(z.string().max(60)).max(20).optional().meta({ description: 'Checklist keys ticked' }),
  man: ZMan.optional(),
  reason: z.string().trim().min(1, { message: 'Say why the level changes.' }).max(500, {
    message: 'Use at most 500 characters.',
  }),
  version: ZVersion.optional().meta({ description: "The lead's version you read; stale -> 409" }),
});
export type TChangeLevelRequest = z.infer<typeof ZChangeLevelRequest>;

export const ZLevelChange = z
  .object({
    id: ZId,
    leadId: ZId,
    fromLevel: ZGradeLevel.nullable(),
    toLevel: ZGradeLevel,
    changedBy: ZId.nullable(),
    changedByName: z.string().nullable(),
    changedAt: z.string(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'LevelChange' });
export type TLevelChange = z.infer<typeof ZLevelChange>;

// Tasks

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export const ZTaskStatus = z.enum(TASK_STATUSES);
export const DUE_FILTERS = ['overdue', 'today', 'upcoming'] as const;

export const ZTask = z
  .object({
    id: ZId,
    customerId: ZId.nullable(),
    leadId: ZId.nullable(),
    assigneeId: ZId,
    kind: z.string().meta({
      description: 'first_contact, follow_up, holiday_care, owner_care, nurturing or custom',
    }),
    dueAt: z.string(),
    status: ZTaskStatus,
    title: z.string().nullable(),
    ruleKey: z.string().nullable(),
    custom: z.boolean(),
    doneAt: z.string().nullable(),
    followUpId: ZId.nullable(),
    customerName: z.string().nullable(),
    cardNo: z.string().nullable(),
    level: ZGradeLevel.nullable(),
    leadStatus: z.string().nullable(),
    leadVersion: z.number().int().nullable(),
    assigneeName: z.string(),
  })
  .meta({ id: 'Task' });
export type TTask = z.infer<typeof ZTask>;

export const ZTaskList = z
  .object({ items: z.array(ZTask), nextCursor: z.string().nullable() })
  .meta({ id: 'TaskList' });
export type TTaskList = z.infer<typeof ZTaskList>;

export const ZTaskListQuery = z.object({
  scope: z.enum(['mine', 'store']).default('mine'),
  status: ZTaskStatus.default('open'),
  customerId: ZId.optional(),
  leadId: ZId.optional(),
  assigneeId: ZId.optional(),
  due: z.enum(DUE_FILTERS).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskSummaryQuery = z.object({
  scope: z.enum(['mine', 'store']).default('mine'),
  assigneeId: ZId.optional(),
});
export type TTaskSummaryQuery = z.infer<typeof ZTaskSummaryQuery>;

export const ZTaskSummary = z
  .object({
    overdue: z.number().int(),
    today: z.number().int(),
    upcoming: z.number().int(),
    /** Open tasks per user with their overdue count (store scope: every user with open tasks). */
    byAssignee: z.array(
      z.object({
        assigneeId: ZId,
        assigneeName: z.string(),
        overdue: z.number().int(),
        today: z.number().int(),
        upcoming: z.number().int(),
      }),
    ),
    timeZone: z.string(),
  })
  .meta({ id: 'TaskSummary' });
export type TTaskSummary = z.infer<typeof ZTaskSummary>;

export const ZCreateTaskRequest = z.object({
  leadId: ZId.optional(),
  customerId: ZId.optional(),
  title: z.string().trim().min(1, { message: 'Say what is to be done.' }).max(200, {
    message: 'Use at most 200 characters.',
  }),
  dueAt: ZIsoDateTime,
  assigneeId: ZId.optional().meta({ description: 'Managers may plan a task for another user' }),
});
export type TCreateTaskRequest = z.infer<typeof ZCreateTaskRequest>;

// Follow-ups

export const FOLLOW_UP_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit', 'showroom', 'mail'] as const;
export const ZFollowUpChannel = z.enum(FOLLOW_UP_CHANNELS, {
  message: 'Choose how you contacted the customer.',
});

export const LOG_RESULT_FIRST = 'Log the result first.';

const followUpFields = {
  channel: ZFollowUpChannel,
  content: text(2000).min(1, { message: 'Say what was discussed.' }),
  result: z
    .string({ message: LOG_RESULT_FIRST })
    .trim()
    .min(1, { message: LOG_RESULT_FIRST })
    .max(2000, { message: 'Use at most 2000 characters.' }),
  levelAfter: ZGradeLevel.optional(),
  horizonAfter: ZGradeHorizon.optional(),
  reason: text(500).optional().meta({ description: 'Why the level changed (defaults to the result)' }),
  criteria: z.array(z.string().max(60)).max(20).optional().meta({ description: 'Checklist keys ticked' }),
  man: ZMan.optional().meta({ description: 'MAN as judged now; stored on the lead (left out: unchanged)' }),
  nextContactAt: ZIsoDateTime.optional().meta({
    description: "The next contact you agreed with the customer; without it, the rule table's proposal",
  }),
};

export const ZLogFollowUpRequest = z.object({
  ...followUpFields,
  taskId: ZId.optional().meta({ description: "The task this completes (else the lead's open rule task)" }),
  version: ZVersion.optional().meta({ description: "The lead's version you read; stale -> 409" }),
});
export type TLogFollowUpRequest = z.infer<typeof ZLogFollowUpRequest>;

/** Completing a task: the result of an existing follow-up, or a new one logged with it. */
export const ZCompleteTaskRequest = z.object({
  followUpId: ZId.optional(),
  channel: ZFollowUpChannel.optional(),
  content: text(2000).optional(),
  result: z.string().trim().max(2000, { message: 'Use at most 2000 characters.' }).optional(),
  levelAfter: ZGradeLevel.optional(),
  horizonAfter: ZGradeHorizon.optional(),
  nextContactAt: ZIsoDateTime.optional(),
});
export type TCompleteTaskRequest = z.infer<typeof ZCompleteTaskRequest>;

export const ZFollowUpComment = z.object({
  id: ZId,
  authorId: ZId,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const ZFollowUp = z
  .object({
    id: ZId,
    leadId: ZId,
    customerId: ZId,
    userId: ZId,
    userName: z.string(),
    channel: ZFollowUpChannel,
    content: z.string(),
    result: z.string(),
    levelBefore: ZGradeLevel.nullable(),
    levelAfter: ZGradeLevel.nullable(),
    occurredAt: z.string(),
    nextContactAt: z.string().nullable(),
    comments: z.array(ZFollowUpComment),
  })
  .meta({ id: 'FollowUp' });
export type TFollowUp = z.infer<typeof ZFollowUp>;

export const ZFollowUpHistory = z
  .object({
    lead: z.object({
      id: ZId,
      customerId: ZId,
      customerName: z.string(),
      cardNo: z.string(),
      level: ZGradeLevel.nullable(),
      horizon: ZGradeHorizon.nullable(),
      man: ZMan.nullable(),
      status: z.string(),
      ownerId: ZId.nullable(),
      version: z.number().int(),
    }),
    items: z.array(ZFollowUp),
    levelChanges: z.array(ZLevelChange),
  })
  .meta({ id: 'FollowUpHistory' });
export type TFollowUpHistory = z.infer<typeof ZFollowUpHistory>;

export const ZFollowUpLogged = z
  .object({
    followUp: ZFollowUp,
    completedTaskId: ZId.nullable(),
    levelChange: ZLevelChange.nullable(),
    nextTask: ZTask.nullable(),
    leadVersion: z.number().int(),
  })
  .meta({ id: 'FollowUpLogged' });
export type TFollowUpLogged = z.infer<typeof ZFollowUpLogged>;

export const ZLevelChanged = z
  .object({
    leadId: ZId,
    level: ZGradeLevel,
    horizon: ZGradeHorizon.nullable(),
    version: z.number().int(),
    change: ZLevelChange.nullable(),
    manAction: ZManAction.nullable(),
    nextTask: ZTask.nullable(),
  })
  .meta({ id: 'LevelChanged' });
export type TLevelChanged = z.infer<typeof ZLevelChanged>;

export const ZProposalQuery = z.object({ levelAfter: ZGradeLevel.optional() });

/** The next task the rule table proposes if a result were logged now. */
export const ZNextTaskProposal = z
  .object({
    kind: z.string(),
    ruleKey: z.string(),
    dueAt: z.string(),
    level: ZGradeLevel.nullable(),
    holiday: z.object({ date: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  })
  .meta({ id: 'NextTaskProposal' });
export type TNextTaskProposal = z.infer<typeof ZNextTaskProposal>;

export const ZTaskCompleted = z
  .object({
    task: ZTask,
    followUp: ZFollowUp.nullable(),
    levelChange: ZLevelChange.nullable(),
    nextTask: ZTask.nullable(),
  })
  .meta({ id: 'TaskCompleted' });
export type TTaskCompleted = z.infer<typeof ZTaskCompleted>;
