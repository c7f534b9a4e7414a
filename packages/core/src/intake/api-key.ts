/**
 * Intake API keys: `qk_` and 32 random base64url characters, sent as `Authorization: Bearer <key>`.
 * A key is shown once when it is made; the store keeps its SHA-256 and a prefix to recognise it by.
 */
export const API_KEY_PREFIX = 'qk_';
export const API_KEY_RANDOM_LENGTH = 32;
/** `qk_` and the first four random characters: enough to tell keys apart in a list, useless to guess. */
export const API_KEY_DISPLAY_LENGTH = API_KEY_PREFIX.length + 4;

export const displayPrefixOf = (key: string): string => key.slice(0, API_KEY_DISPLAY_LENGTH);

/** How a key shows in lists: `qk_Ab3d…`. */
export const maskApiKey = (prefix: string): string => `${prefix}…`;

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case); undefined otherwise. */
export const bearerTokenOf = (header: string | undefined): string | undefined => {
  const m = header ? /^\s*bearer\s+(\S+)\s*$/i.exec(header) : null;
  return m?.[1];
};
