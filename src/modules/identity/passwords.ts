import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { weakPassword } from './identity.errors';

// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
const HASH_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** How many of the four character classes (lower, upper, digit, other) `password` uses. */
function characterClasses(password: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
}

/** Throws `identity.weak_password` unless `password` meets the policy. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH || characterClasses(password) < 3) {
    throw weakPassword(field);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash verifies nothing.
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
const dummy = () => (dummyHash ??= hashPassword('dummy-password-never-matches-Xy1!'));

/** Computes the hash unknown usernames are checked against, at startup, so the first miss is not faster. */
export async function prepareDummyHash(): Promise<void> {
  await dummy();
}

/**
 * Spends the same time as a real check when the username is unknown, so the
 * response time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  await verifyPassword(await dummy(), password);
  return false;
}
