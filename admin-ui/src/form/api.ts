/** The customer form's calls to `/api/public/identity-cases`: same origin, no cookie, the case token in a header. */
import type { Schemas } from '../api/types';
import { errorsEn } from '../i18n/en/errors';
import { errorsFr } from '../i18n/fr/errors';

export const ACCOUNT_TYPES = ['individual', 'company', 'association', 'public_administration', 'sole_trader'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const PURPOSES = ['replace_email', 'disable_2fa'] as const;
export type Purpose = (typeof PURPOSES)[number];
/** Generated from the server's contract (`npm run api:types`), as every answer type of the form. */
export type DocumentKind = Schemas['PublicCaseDocument']['kind'];

/** Identity document types: two-sided ones need a front and a back, a passport its photo page only. */
export const IDENTITY_TYPES = ['id_card', 'residence_permit', 'driving_licence', 'passport'] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];
export const TWO_SIDED: readonly IdentityType[] = ['id_card', 'residence_permit', 'driving_licence'];
/** An individual's address situation: at their own address, moved recently, or hosted by someone. */
export const ADDRESS_VARIANTS = ['standard', 'moved', 'hosted'] as const;
export type AddressVariant = (typeof ADDRESS_VARIANTS)[number];
export const REUPLOAD_REASONS = ['unreadable', 'cut', 'glare', 'other'] as const;

export interface OpenedCase {
  caseId: string;
  token: string;
  requiredDocuments: DocumentKind[];
  collectUntil: string;
}

export type CaseStatus = Schemas['PublicCaseResponse']['status'];

/** The case as `GET /api/public/identity-cases/:id` answers it. */
export type PublicCase = Schemas['PublicCaseResponse'];

export interface CaseAccess {
  caseId: string;
  token: string;
}

/** A refused call: `status` 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
    /** The server's stable code for the refusal, when it gives one. */
    readonly code?: string,
    /** The refusal in the form's language (`errors.<code>` with the answer's params), when the code has a translation. */
    readonly translated?: string,
  ) {
    super(message);
  }
}

const ERROR_MESSAGES: Record<string, unknown> = { en: errorsEn.errors, fr: errorsFr.errors };

function translatedRefusal(code: string | undefined, params: unknown, locale: string): string | undefined {
  if (!code) return undefined;
  const found = code
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      ERROR_MESSAGES[locale],
    );
  if (typeof found !== 'string') return undefined;
  const values = params && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  return found.replace(/%\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** A refused answer's body as an ApiError, its refusal translated in the form's language. */
/** The answer's JSON, or null when it is empty or not JSON (a proxy's HTML error page). */
export function parseBody(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

function refusal(status: number, body: unknown, locale: string): ApiError {
  const problem = (body ?? {}) as { message?: unknown; errors?: unknown; code?: unknown; params?: unknown };
  const message = Array.isArray(problem.message) ? problem.message.join(' ') : typeof problem.message === 'string' ? problem.message : '';
  const errors = problem.errors && typeof problem.errors === 'object' ? (problem.errors as Record<string, string>) : {};
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  return new ApiError(status, message, errors, code, translatedRefusal(code, problem.params, locale));
}

const ROOT = '/api/public/identity-cases';

async function call<T>(path: string, init: RequestInit & { token?: string; locale: string }): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  headers.set('Accept-Language', init.locale);
  if (init.token) headers.set('X-Case-Token', init.token);
  if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  let response: Response;
  try {
    // `omit`: the form never sends a staff session cookie, even from a browser where staff are signed in.
    response = await fetch(`${ROOT}${path}`, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, '');
  }
  const text = await response.text();
  const body = parseBody(text);
  if (!response.ok) throw refusal(response.status, body, init.locale);
  return body as T;
}

const id = (caseId: string) => `/${encodeURIComponent(caseId)}`;

export const formApi = {
  // The page's language goes with the request: every mail of the case is written in it.
  open: (input: { customerId: string; accountType: AccountType; purpose: Purpose; contactEmail: string }, locale: 'fr' | 'en') =>
    call<OpenedCase>('', { method: 'POST', body: JSON.stringify({ ...input, language: locale }), locale }),

  view: (access: CaseAccess, locale: string) => call<PublicCase>(id(access.caseId), { token: access.token, locale }),

  confirmEmail: (access: CaseAccess, code: string, locale: string) =>
    call<{ confirmed: true }>(`${id(access.caseId)}/confirm-email`, {
      method: 'POST',
      body: JSON.stringify({ code }),
      token: access.token,
      locale,
    }),

  upload(access: CaseAccess, kind: DocumentKind, files: File[], locale: string) {
    const form = new FormData();
    form.append('kind', kind);
    for (const file of files) form.append('files', file, file.name);
    return call<{ documents: { id: string; kind: DocumentKind; name: string }[] }>(`${id(access.caseId)}/documents`, {
      method: 'POST',
      body: form,
      token: access.token,
      locale,
    });
  },

  /** One file, with its progress (XHR: fetch cannot report an upload's progress). */
  uploadOne(
    access: CaseAccess,
    kind: DocumentKind,
    file: File,
    locale: string,
    options: { identityType?: IdentityType | null; onProgress?(fraction: number): void } = {},
  ): Promise<{ documents: { id: string; kind: DocumentKind; name: string }[] }> {
    const form = new FormData();
    form.append('kind', kind);
    if (options.identityType) form.append('identityType', options.identityType);
    form.append('files', file, file.name);
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${ROOT}${id(access.caseId)}/documents`);
      xhr.withCredentials = false;
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.setRequestHeader('Accept-Language', locale);
      xhr.setRequestHeader('X-Case-Token', access.token);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && options.onProgress) options.onProgress(event.loaded / event.total);
      };
      xhr.onerror = () => reject(new ApiError(0, ''));
      xhr.onabort = () => reject(new ApiError(0, ''));
      xhr.onload = () => {
        const body = parseBody(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(body as { documents: { id: string; kind: DocumentKind; name: string }[] });
          return;
        }
        reject(refusal(xhr.status, body, locale));
      };
      xhr.send(form);
    });
  },

  setAddressVariant: (access: CaseAccess, addressVariant: AddressVariant, locale: string) =>
    call<{ addressVariant: AddressVariant; requiredDocuments: DocumentKind[] }>(`${id(access.caseId)}/address-variant`, {
      method: 'POST',
      body: JSON.stringify({ addressVariant }),
      token: access.token,
      locale,
    }),

  submit: (access: CaseAccess, locale: string) =>
    call<{ status: 'submitted' }>(`${id(access.caseId)}/submit`, { method: 'POST', token: access.token, locale }),
};

// The case this tab works on: kept for the tab's life only (sessionStorage), so a reload resumes it.
const CASE_KEY = 'recovery-desk.form.case';

export function savedCase(): CaseAccess | null {
  try {
    const raw = sessionStorage.getItem(CASE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<CaseAccess>) : null;
    return parsed && typeof parsed.caseId === 'string' && typeof parsed.token === 'string'
      ? { caseId: parsed.caseId, token: parsed.token }
      : null;
  } catch {
    return null;
  }
}

export function saveCase(access: CaseAccess | null): void {
  try {
    if (access) sessionStorage.setItem(CASE_KEY, JSON.stringify(access));
    else sessionStorage.removeItem(CASE_KEY);
  } catch {
    // Storage refused: the case lives in memory until the tab closes.
  }
}

/** Client-side checks before sending; the server checks the content again whatever the name says. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const ACCEPT = '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf';
export const looksAllowed = (file: File) =>
  /\.(jpe?g|png|pdf)$/i.test(file.name) || ['image/jpeg', 'image/png', 'application/pdf'].includes(file.type);
