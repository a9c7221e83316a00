import { createMongoAbility, subject as caslSubject, type MongoAbility, type RawRuleOf } from '@casl/ability';
import { unpackRules, type PackRule } from '@casl/ability/extra';
import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Schemas } from '../api/types';
import { apiFetch, isHttpError } from './http';

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

type Rule = RawRuleOf<MongoAbility>;

/** Body of `POST /api/auth/login` and `GET /api/auth/me`. */
interface SessionBody {
  user: StaffUser;
  rules: PackRule<Rule>[] | Rule[];
}

interface Session {
  user: StaffUser;
  ability: MongoAbility;
}

/** react-admin resource → CASL subject type. A resource missing here is denied. */
export const SUBJECTS: Record<string, string> = {
  'audit-events': 'AuditEvent',
  staff: 'StaffUser',
  accounts: 'Account',
  cases: 'Case',
  'mail-outbox': 'OutboxMessage',
  // No page of its own: asked by the account page (`create` shows the verification panel).
  verifications: 'CallerVerification',
  'identity-cases': 'Case',
  // No page of its own: asked by the case page (`read` shows the previews and the download links).
  documents: 'Document',
  // Recovery actions: the swap, the documents-based actions, the approvals inbox.
  'recovery-cases': 'RecoveryCase',
  // Supervision: abuse alerts, the activity board; the BullMQ dashboard link (admins).
  alerts: 'Alert',
  activity: 'Dashboard',
  queues: 'Queue',
  // What agents read to callers: read on calls, edited by supervisors.
  'call-scripts': 'CallScript',
};

/** react-admin page/button action → CASL action; anything else (e.g. `export`) is asked as is. */
const ACTIONS: Record<string, string> = {
  list: 'read',
  show: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
};

// Short enough that a role change shows in the menu soon; the server checks every request anyway.
const SESSION_TTL_MS = 30_000;

let session: Session | null = null;
let sessionFetchedAt = 0;
let pendingSession: Promise<Session> | null = null;
// False once the server said 401: no point asking it to close a session it no longer has.
let serverMayHaveSession = true;
// Bumped at each sign-in/sign-out, so a `me` answer that arrives late cannot overwrite a newer state.
let generation = 0;
let pendingNotice: string | null = null;

const isPacked = (rules: SessionBody['rules']): rules is PackRule<Rule>[] => rules.length > 0 && Array.isArray(rules[0]);

function remember(body: SessionBody): Session {
  const rules = Array.isArray(body.rules) ? body.rules : [];
  session = {
    user: body.user,
    ability: createMongoAbility<MongoAbility>(isPacked(rules) ? unpackRules(rules) : rules),
  };
  sessionFetchedAt = Date.now();
  serverMayHaveSession = true;
  return session;
}

function forget(): void {
  generation += 1;
  session = null;
  sessionFetchedAt = 0;
  pendingSession = null;
}

/** Called when the server answered 401 while the console thought the user was signed in. */
function sessionEnded(): void {
  if (session) pendingNotice = 'rd.auth.session_ended';
  forget();
  serverMayHaveSession = false;
}

function loadSession(): Promise<Session> {
  if (session && Date.now() - sessionFetchedAt < SESSION_TTL_MS) return Promise.resolve(session);
  if (!pendingSession) {
    const request = fetchSession().finally(() => {
      if (pendingSession === request) pendingSession = null;
    });
    pendingSession = request;
  }
  return pendingSession;
}

async function fetchSession(): Promise<Session> {
  const asked = generation;
  const stale = session;
  try {
    const { json } = await apiFetch('/auth/me');
    // A sign-in or sign-out happened meanwhile: this answer describes a session that is gone.
    if (asked !== generation) return loadSession();
    return remember(json as SessionBody);
  } catch (error) {
    if (asked !== generation) return loadSession();
    if (isHttpError(error, 401)) {
      sessionEnded();
      throw error;
    }
    // A server hiccup is not a logout: keep the last known rights, the API still checks each call.
    if (stale) return stale;
    throw error;
  }
}

/** Message key for the login page when the session ended on its own (idle timeout, revoked, disabled). */
export function loginNotice(): string | null {
  return pendingNotice;
}

export interface LoginParams {
  email: string;
  password: string;
  otp: string;
}

/** The ways to sign in the server offers (`GET /api/auth/methods`). */
export type SignInMethods = Schemas['SignInMethodsResponse'];

export async function signInMethods(): Promise<SignInMethods> {
  const { json } = await apiFetch('/auth/methods');
  return json as SignInMethods;
}

/** The path the OpenID Connect provider sends the browser back to (the default OIDC_REDIRECT_URI). */
export const OIDC_CALLBACK_PATH = '/oidc/callback';

/** Starts a sign-in through the company's OpenID Connect provider: the URL to send the browser to. */
export async function startOidcSignIn(): Promise<string> {
  forget();
  pendingNotice = null;
  const { json } = await apiFetch('/auth/oidc/start', { method: 'POST' });
  return (json as Schemas['OidcStartResponse']).authorizationUrl;
}

/** Finishes it with the query string the provider came back with; the server sets the session cookie. */
export async function finishOidcSignIn(query: string): Promise<void> {
  forget();
  pendingNotice = null;
  const { json } = await apiFetch('/auth/oidc/callback', { method: 'POST', body: JSON.stringify({ query }) });
  remember(json as SessionBody);
}

/** Password, then a security key instead of the code. */
export interface SecurityKeyLoginParams {
  email: string;
  password: string;
  securityKey: true;
}

export const authProvider: AuthProvider = {
  async login(params: LoginParams | SecurityKeyLoginParams) {
    forget();
    pendingNotice = null;
    if ('securityKey' in params) {
      // Loaded on demand: only those who sign in with a key download the WebAuthn helpers.
      const { signInWithSecurityKey } = await import('./securityKeys');
      remember((await signInWithSecurityKey(params.email, params.password)) as SessionBody);
      return;
    }
    const { email, password, otp } = params;
    const { json } = await apiFetch('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ email, password, otp }),
    });
    remember(json as SessionBody);
  },

  async logout() {
    const callServer = serverMayHaveSession;
    forget();
    serverMayHaveSession = false;
    if (!callServer) return;
    // Signing out on purpose: nothing to explain on the login page.
    pendingNotice = null;
    try {
      await apiFetch('/auth/logout', { method: 'POST' });
    } catch {
      // Already gone server-side, or unreachable: the cookie dies with its session anyway.
    }
  },

  async checkAuth() {
    try {
      await loadSession();
    } catch {
      // message: false keeps react-admin from stacking its own notification on our login notice.
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-admin's documented contract reads { message: false }
      throw { message: false };
    }
  },

  async checkError(error: unknown) {
    if ((error as { status?: number } | null)?.status === 401) {
      sessionEnded();
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-admin's documented contract reads { message: false }
      throw { message: false };
    }
    // 403 and everything else: stay signed in; the caller shows the error.
  },

  async getIdentity(): Promise<UserIdentity> {
    const { user } = await loadSession();
    return { id: user.id, fullName: user.name, email: user.email };
  },

  async getPermissions() {
    try {
      return (await loadSession()).user.roles;
    } catch {
      return [];
    }
  },

  async canAccess({ action, resource, record }) {
    const subjectType = SUBJECTS[resource];
    if (!subjectType) return false;
    let current: Session;
    try {
      current = await loadSession();
    } catch {
      return false;
    }
    const caslAction = ACTIONS[action] ?? action;
    return record ? current.ability.can(caslAction, caslSubject(subjectType, { ...record })) : current.ability.can(caslAction, subjectType);
  },
};
