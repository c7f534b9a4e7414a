import { passwordProblem, USERNAME_PATTERN } from '@qianke/core/accounts/password-policy';
import type { FormRule } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { knownMessage } from './localise-message';

/** The part of a zod schema a form rule needs; the shared schemas in @qianke/contracts all fit. */
type Checkable = {
  safeParse: (
    value: unknown,
  ) => { success: true } | { success: false; error: { issues: ReadonlyArray<{ message: string }> } };
};

/**
 * An antd rule that checks a value against a shared zod schema, so the browser refuses exactly what the
 * server would, with our own translated text. Empty values are left to a `required` rule.
 */
export const schemaRule = (schema: Checkable, t: TFunction, fallback?: string): RuleObject => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    const result = schema.safeParse(value);
    if (result.success) return;
    const message = result.error.issues[0]?.message ?? '';
    throw new Error(knownMessage(message, t) ?? fallback ?? t('validation.invalid'));
  },
});

/** The second password field must repeat the first. */
export const matchFieldRule =
  (field: string, t: TFunction): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value || getFieldValue(field) === value) return;
      throw new Error(t('validation.passwordMismatch'));
    },
  });

/**
 * The password policy of @qianke/core (length, letters and digits, not the username), with translated
 * text. `username` is read when the rule runs, so it can come from another field of the same form.
 */
export const passwordRule = (t: TFunction, username?: () => unknown): RuleObject => ({
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const name = username?.();
    const problem = passwordProblem(
      value,
      typeof name === 'string' && USERNAME_PATTERN.test(name.trim().toLowerCase()) ? name.trim() : undefined,
    );
    if (problem) throw new Error(knownMessage(problem, t) ?? problem);
  },
});
