import { Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id, OWASP's baseline parameters (19 MiB, 2 passes). @node-rs/argon2 ships prebuilt
// binaries per platform, so nothing is compiled or scripted at install time.
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (plain: string) => hash(plain, OPTIONS);
export const verifyPassword = (stored: string, plain: string) => verify(stored, plain).catch(() => false);

/** Verified against when the e-mail is unknown, so both failures cost the same time. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-' + Math.random()));
