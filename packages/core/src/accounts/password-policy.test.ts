import { describe, expect, it } from 'vitest';
import { normaliseUsername, passwordProblem, USERNAME_PATTERN } from './password-policy';

describe('password policy', () => {
  it('accepts the demo password', () => expect(passwordProblem('demo1234', 'admin')).toBeUndefined());
  it.each([
    ['short1', 'Use at least 8 characters.'],
    ['onlyletters', 'Use both letters and digits.'],
    ['12345678', 'Use both letters and digits.'],
    ['xwang2024!', 'The password must not contain the username.'],
  ])('refuses %j', (password, problem) => expect(passwordProblem(password, 'XWang')).toBe(problem));
});

describe('usernames', () => {
  it('are compared in lower case without spaces', () =>
    expect(normaliseUsername(' Consultant1 ')).toBe('consultant1'));
  it.each(['consultant1', 'li.wei', 'a_b-c'])('accepts %s', (u) =>
    expect(USERNAME_PATTERN.test(u)).toBe(true),
  );
  it.each(['a', '-abc', 'li wei', '王伟'])('refuses %j', (u) => expect(USERNAME_PATTERN.test(u)).toBe(false));
});
