import type { DataProvider, GetListResult, Identifier, RaRecord } from 'react-admin';
import { apiFetch } from './http';
import type {
  CodeChannel,
  CodeCheck,
  CodeSent,
  SecurityEvent,
  StatedCheck,
  StatedField,
  UnmaskedContact,
  Verification,
} from '../resources/accounts/types';
import type { Schemas } from '../api/types';

/** Body of every list endpoint: keyset pagination, no total. */
export interface CursorPage<T = RaRecord> {
  data: T[];
  nextCursor: string | null;
}

export type AuditChainCheck = Schemas['AuditVerifyResponse'];

const DEFAULT_PER_PAGE = 25;

/**
 * Lists that are searches: the API answers one page (`nextCursor: null`), accepts no `limit` nor `cursor`, and
 * refuses a call without its query. Until the query is typed, the console shows nothing and asks nothing.
 */
const SEARCHES: Record<string, { required: string }> = {
  accounts: { required: 'q' },
};

/**
 * Cursor for each page already fetched (page 1 has none): page N+1 is asked with the cursor that came
 * with page N. One map per resource, dropped as soon as the filter or page size changes.
 */
const cursorMaps = new Map<string, { key: string; cursors: Map<number, string | null> }>();

function cursorsFor(resource: string, filter: Record<string, unknown>, perPage: number) {
  const key = JSON.stringify([filter, perPage]);
  let entry = cursorMaps.get(resource);
  if (!entry || entry.key !== key) {
    entry = { key, cursors: new Map([[1, null]]) };
    cursorMaps.set(resource, entry);
  }
  return entry.cursors;
}

/** A filter value as a query parameter; null for an empty one (dropped). */
export const toParam = (value: unknown): string | null => {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
};

/** Filters go out as plain query parameters; empty ones are dropped, arrays repeat the key. */
function cleanFilter(filter: Record<string, unknown> | undefined): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(filter ?? {})) {
    if (Array.isArray(value) ? value.length > 0 : toParam(value) !== null) clean[name] = value;
  }
  return clean;
}

function query(filter: Record<string, unknown>, extra: Record<string, string | number | null>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = toParam(item);
      if (text !== null) params.append(name, text);
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value !== null) params.set(name, String(value));
  }
  return params.toString();
}

const path = (resource: string, id?: Identifier) => (id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`);

async function fetchPage(
  resource: string,
  filter: Record<string, unknown>,
  perPage: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CursorPage> {
  const { json } = await apiFetch(`${path(resource)}?${query(filter, { limit: perPage, cursor })}`, { signal });
  const body = json as CursorPage;
  return { data: Array.isArray(body?.data) ? body.data : [], nextCursor: body?.nextCursor ?? null };
}

const pastTheEnd: GetListResult = { data: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } };

async function getCursorPage(
  resource: string,
  params: { pagination?: { page: number; perPage: number }; filter?: Record<string, unknown>; signal?: AbortSignal },
): Promise<GetListResult> {
  const page = Math.max(1, params.pagination?.page ?? 1);
  const perPage = params.pagination?.perPage ?? DEFAULT_PER_PAGE;
  const filter = cleanFilter(params.filter);
  const search = SEARCHES[resource];
  if (search) return searchPage(resource, filter, search.required, page, params.signal);
  const cursors = cursorsFor(resource, filter, perPage);

  // A page opened directly (bookmark, reload) has no cursor yet: walk from the last page we know.
  let known = page;
  while (!cursors.has(known)) known -= 1;
  for (let current = known; current < page; current += 1) {
    const cursor = cursors.get(current) ?? null;
    if (current > 1 && cursor === null) return pastTheEnd;
    const { nextCursor } = await fetchPage(resource, filter, perPage, cursor, params.signal);
    cursors.set(current + 1, nextCursor);
  }
  const cursor = cursors.get(page) ?? null;
  if (page > 1 && cursor === null) return pastTheEnd;

  const { data, nextCursor } = await fetchPage(resource, filter, perPage, cursor, params.signal);
  cursors.set(page + 1, nextCursor);
  const pageInfo = { hasNextPage: nextCursor !== null, hasPreviousPage: page > 1 };
  // On the last page the total is known exactly; elsewhere react-admin shows "1-25 of more than 25".
  return nextCursor === null ? { data, total: (page - 1) * perPage + data.length, pageInfo } : { data, pageInfo };
}

async function searchPage(
  resource: string,
  filter: Record<string, unknown>,
  required: string,
  page: number,
  signal?: AbortSignal,
): Promise<GetListResult> {
  const none: GetListResult = { data: [], total: 0, pageInfo: { hasNextPage: false, hasPreviousPage: page > 1 } };
  if (page > 1 || typeof filter[required] !== 'string' || filter[required].trim() === '') return none;
  const { json } = await apiFetch(`${path(resource)}?${query(filter, {})}`, { signal });
  const data = Array.isArray((json as CursorPage)?.data) ? (json as CursorPage).data : [];
  return { data, total: data.length, pageInfo: { hasNextPage: false, hasPreviousPage: false } };
}

/** Only the fields the user changed go out: the API refuses fields it does not accept. */
function changedFields(data: Record<string, unknown>, previous: Record<string, unknown> | undefined) {
  if (!previous) return data;
  const diff: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (JSON.stringify(value) !== JSON.stringify(previous[name])) diff[name] = value;
  }
  return diff;
}

export interface AppDataProvider extends DataProvider {
  verifyAuditChain(): Promise<AuditChainCheck>;
  getAccountEvents(accountId: Identifier, params: { cursor?: string | null; limit?: number }): Promise<CursorPage<SecurityEvent>>;
  startVerification(accountId: Identifier, callReference: string): Promise<Verification>;
  getVerification(verificationId: string): Promise<Verification>;
  sendVerificationCode(verificationId: string, channel: CodeChannel): Promise<CodeSent>;
  checkVerificationCode(verificationId: string, code: string): Promise<CodeCheck>;
  checkStatedValue(verificationId: string, field: StatedField, value: string): Promise<StatedCheck>;
  unmaskAccount(accountId: Identifier, verificationId: string, reason: string): Promise<UnmaskedContact>;
  sendCustomerIdReminder(accountId: Identifier, callReference: string): Promise<{ destination: string }>;
}

const post = async <T>(url: string, body: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const dataProvider: AppDataProvider = {
  supportAbortSignal: true,

  getList: (resource, params) => getCursorPage(resource, params),

  getManyReference: (resource, params) => getCursorPage(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } }),

  async getOne(resource, { id, signal }) {
    const { json } = await apiFetch(path(resource, id), { signal });
    return { data: json };
  },

  async getMany(resource, { ids, signal }) {
    const records = await Promise.all(ids.map((id) => apiFetch(path(resource, id), { signal }).then((r) => r.json)));
    return { data: records };
  },

  async create(resource, { data }) {
    const { json } = await apiFetch(path(resource), { method: 'POST', body: JSON.stringify(data) });
    return { data: json };
  },

  async update(resource, { id, data, previousData }) {
    const { json } = await apiFetch(path(resource, id), {
      method: 'PATCH',
      body: JSON.stringify(changedFields(data, previousData)),
    });
    return { data: json };
  },

  async updateMany(resource, { ids, data }) {
    await Promise.all(ids.map((id) => apiFetch(path(resource, id), { method: 'PATCH', body: JSON.stringify(data) })));
    return { data: ids };
  },

  async delete(resource, { id, previousData }) {
    const { json } = await apiFetch(path(resource, id), { method: 'DELETE' });
    return { data: json ?? previousData ?? { id } };
  },

  async deleteMany(resource, { ids }) {
    await Promise.all(ids.map((id) => apiFetch(path(resource, id), { method: 'DELETE' })));
    return { data: ids };
  },

  /** `GET /api/audit-events/verify`: re-computes the hash chain on the server. */
  async verifyAuditChain(): Promise<AuditChainCheck> {
    const { json } = await apiFetch('/audit-events/verify');
    return json as AuditChainCheck;
  },

  /** `GET /api/accounts/:id/events`: the security timeline, newest first, keyset pages. */
  async getAccountEvents(accountId, { cursor, limit = DEFAULT_PER_PAGE }) {
    const { json } = await apiFetch(`${path('accounts', accountId)}/events?${query({}, { limit, cursor: cursor ?? null })}`);
    const body = json as CursorPage<SecurityEvent>;
    return { data: Array.isArray(body?.data) ? body.data : [], nextCursor: body?.nextCursor ?? null };
  },

  /** Opens the checks of a call (the same call reference again returns the open one). */
  startVerification: (accountId, callReference) => post<Verification>(`${path('accounts', accountId)}/verifications`, { callReference }),

  async getVerification(verificationId) {
    return (await apiFetch(path('verifications', verificationId))).json as Verification;
  },

  sendVerificationCode: (verificationId, channel) => post<CodeSent>(`${path('verifications', verificationId)}/codes`, { channel }),

  checkVerificationCode: (verificationId, code) => post<CodeCheck>(`${path('verifications', verificationId)}/code-checks`, { code }),

  checkStatedValue: (verificationId, field, value) =>
    post<StatedCheck>(`${path('verifications', verificationId)}/stated-values`, { field, value }),

  unmaskAccount: (accountId, verificationId, reason) =>
    post<UnmaskedContact>(`${path('accounts', accountId)}/unmask`, { verificationId, reason }),

  sendCustomerIdReminder: (accountId, callReference) =>
    post<{ destination: string }>(`${path('accounts', accountId)}/customer-id-reminder`, { callReference }),
};
