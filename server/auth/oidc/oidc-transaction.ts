import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What the browser carries between "sign in with the provider" and the provider's answer: the PKCE verifier, the
 * state and the nonce, in a cookie sealed with AES-256-GCM under a key derived from SESSION_SECRET. No server-side
 * storage, so any API replica can finish a sign-in another started; rotating the secret only fails the sign-ins in
 * flight at that moment.
 */
export interface OidcTransaction {
  codeVerifier: string;
  state: string;
  nonce: string;
  /** Epoch ms after which the sign-in must start again. */
  expiresAt: number;
}

export const OIDC_TRANSACTION_MINUTES = 10;

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'recovery-desk oidc transaction', 32));
}

export function sealTransaction(tx: OidcTransaction, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(tx), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The transaction, or null when the cookie was tampered with, sealed under another secret, or has expired. */
export function openTransaction(sealed: string | undefined, secret: string, now: number): OidcTransaction | null {
  if (!sealed || sealed.length > 2000) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    const tx = JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as OidcTransaction;
    const complete = [tx.codeVerifier, tx.state, tx.nonce].every((v) => typeof v === 'string' && v.length > 0);
    return complete && typeof tx.expiresAt === 'number' && now < tx.expiresAt ? tx : null;
  } catch {
    return null;
  }
}
