import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { apiFetch } from './http';

/*
 * The browser's half of security keys (WebAuthn, @simplewebauthn/browser). Imported on demand only, when someone
 * uses a key: the sign-in page and the agent's first screen stay without it.
 */

/** Why the browser's ceremony failed without the server saying anything: a message key under `keys.<screen>`. */
export type CeremonyProblem = 'cancelled' | 'unsupported';

/** The browser could not or would not ask the key (no WebAuthn, cancelled, timed out, not allowed). */
export function ceremonyProblem(error: unknown): CeremonyProblem | null {
  if (!browserSupportsWebAuthn()) return 'unsupported';
  if (error instanceof WebAuthnError) return 'cancelled';
  if (error instanceof DOMException && ['NotAllowedError', 'AbortError', 'InvalidStateError'].includes(error.name)) return 'cancelled';
  return null;
}

/** Password first (step 1 answers the options and a ticket), then the key's answer (step 2 opens the session). */
export async function signInWithSecurityKey(email: string, password: string): Promise<unknown> {
  const { json } = await apiFetch('/auth/security-key/options', { method: 'POST', body: JSON.stringify({ email, password }) });
  const { ticket, options } = json as { ticket: string; options: PublicKeyCredentialRequestOptionsJSON };
  const response = await startAuthentication({ optionsJSON: options });
  const signedIn = await apiFetch('/auth/security-key', { method: 'POST', body: JSON.stringify({ ticket, response }) });
  return signedIn.json;
}

/** Enrols a key for the signed-in member (password asked again): the server keeps the challenge, bound to this session. */
export async function enrolSecurityKey(name: string, password: string): Promise<void> {
  const { json } = await apiFetch('/my-security-keys/registration-options', { method: 'POST', body: JSON.stringify({ password }) });
  const { options } = json as { options: PublicKeyCredentialCreationOptionsJSON };
  const response = await startRegistration({ optionsJSON: options });
  await apiFetch('/my-security-keys', { method: 'POST', body: JSON.stringify({ name, response }) });
}

/**
 * The first key of a member whose role must use one and who has none: their password and code (spent here) buy a
 * ticket and options, never a session; they sign in with the key afterwards.
 */
export async function enrolFirstSecurityKey(email: string, password: string, otp: string, name: string): Promise<void> {
  const { json } = await apiFetch('/auth/security-key/first-key-options', {
    method: 'POST',
    body: JSON.stringify({ email, password, otp }),
  });
  const { ticket, options } = json as { ticket: string; options: PublicKeyCredentialCreationOptionsJSON };
  const response = await startRegistration({ optionsJSON: options });
  await apiFetch('/auth/security-key/first-key', { method: 'POST', body: JSON.stringify({ ticket, name, response }) });
}
