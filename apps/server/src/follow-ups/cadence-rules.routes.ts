import {
  ZAddHolidayRequest,
  ZAddPublicHolidaysRequest,
  ZCadenceRuleSet,
  ZCadenceRulesSaved,
  ZHolidayDateParams,
  ZHolidayList,
  ZHolidaysAdded,
  ZResetCadencePresetRequest,
  ZUpdateCadenceRulesRequest,
} from '@qianke/contracts/follow-ups';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authOf } from '../infra/http/auth-context';
import type { CadenceRulesService } from './cadence-rules.service';

const tags = ['follow-up rules'];

export const cadenceRulesRoutes =
  (rules: CadenceRulesService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/follow-up-rules',
      {
        config: { access: 'self.use' },
        schema: {
          tags,
          summary: "The store's follow-up rule table (seed 001 preset until the store saves its own)",
          response: { 200: ZCadenceRuleSet },
        },
      },
      async (request) => rules.get(authOf(request)),
    );

    app.put(
      '/api/v1/follow-up-rules',
      {
        config: { access: 'follow_up_rules.manage' },
        schema: {
          tags,
          summary: 'Save the rule table; re-plans every open rule task of the store in the same transaction',
          description:
            'Send the `version` you read (0 before the first save); a stale one is 409 stale_version.',
          body: ZUpdateCadenceRulesRequest,
          response: { 200: ZCadenceRulesSaved },
        },
      },
      async (request) => rules.update(authOf(request), request.body),
    );

    app.post(
      '/api/v1/follow-up-rules/preset',
      {
        config: { access: 'follow_up_rules.manage' },
        schema: {
          tags,
          summary: 'Reset the rule table to a preset of the seeds (seed_001 or seed_003) and re-plan',
          body: ZResetCadencePresetRequest,
          response: { 200: ZCadenceRulesSaved },
        },
      },
      async (request) => rules.resetToPreset(authOf(request), request.body),
    );

    app.get(
      '/api/v1/holidays',
      {
        config: { access: 'self.use' },
        schema: {
          tags,
          summary: "The store's holiday calendar (holiday care)",
          response: { 200: ZHolidayList },
        },
      },
      async (request) => rules.listStoreHolidays(authOf(request)),
    );

    app.post(
      '/api/v1/holidays',
      {
        config: { access: 'follow_up_rules.manage' },
        schema: {
          tags,
          summary: 'Add a holiday to the calendar; holiday-care tasks are re-planned',
          body: ZAddHolidayRequest,
          response: { 201: ZHolidaysAdded },
        },
      },
      async (request, reply) => reply.code(201).send(await rules.addHoliday(authOf(request), request.body)),
    );

    app.post(
      '/api/v1/holidays/cn-public',
      {
        config: { access: 'follow_up_rules.manage' },
        schema: {
          tags,
          summary: "Add China's public holidays of a year (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆)",
          body: ZAddPublicHolidaysRequest,
          response: { 200: ZHolidaysAdded },
        },
      },
      async (request) => rules.addPublicHolidays(authOf(request), request.body.year),
    );

    app.delete(
      '/api/v1/holidays/:date',
      {
        config: { access: 'follow_up_rules.manage' },
        schema: {
          tags,
          summary: 'Remove a holiday from the calendar; holiday-care tasks are re-planned',
          params: ZHolidayDateParams,
          response: { 200: ZHolidaysAdded },
        },
      },
      async (request) => rules.removeHoliday(authOf(request), request.params.date),
    );
  };
