/** What a password must be. Returned as a message key-free sentence so every caller shows the same text. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const passwordProblem = (password: string, username?: string): string | undefined => {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'Use both letters and digits.';
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    return 'The password must not contain the username.';
  return undefined;
};

/** Usernames: what people type on a shared showroom PC; lower-case letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;

export const normaliseUsername = (username: string): string => username.trim().toLowerCase();
