import { toParam } from '../providers/dataProvider';
import { apiFetch, API_ROOT } from '../providers/http';
import type { Schemas } from '../api/types';
import { everyValue } from '../api/types';

export type AlertRule = Schemas['AlertResponse']['rule'];

export const ALERT_RULES: AlertRule[] = [
  ...everyValue<AlertRule>()([
    'swap_burst',
    'unmask_burst',
    'searches_without_call',
    'repeated_attempts',
    'duplicate_document',
    'customer_report',
    'off_hours',
    'stated_value_limit',
    'audit_chain_broken',
    'review_overdue',
    'verified_without_action',
  ]),
];

/** One alert as `GET /api/alerts` returns it. */
export type AlertRecord = Schemas['AlertResponse'];

export type ActivityRow = Schemas['ActivityRowResponse'];

export const ACTIVITY_KINDS = ['swaps', 'twoFactorDisablements', 'emailReplacements', 'unmasks', 'searches', 'reviews'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type QueueHealth = Schemas['QueueHealthResponse'];

/** `GET /api/dashboard`. */
export type DashboardBody = Schemas['DashboardResponse'];

export type EvidenceKind = 'identity-cases' | 'recovery-cases';

/** The envelope every bundle shares, beside the case's own fields. */
export type EvidenceBundle = Schemas['EvidenceEnvelope'] & { [key: string]: unknown };

// Roles widened to strings: the role pickers edit them as a plain list.
export type StaffRecord = Omit<Schemas['StaffMemberResponse'], 'roles'> & { roles: string[] };

export const STAFF_ROLES = ['agent', 'reviewer', 'supervisor', 'admin'] as const;

/** `GET /api/staff/pending-requests`: what waits for a second administrator. */
export type PendingRequest = Schemas['PendingRequestResponse'];

const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) })).json as T;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const supervisionApi = {
  alerts: async (status: 'open' | 'acknowledged', limit = 200) =>
    ((await apiFetch(`/alerts?status=${status}&limit=${limit}`)).json as { data: AlertRecord[] }).data ?? [],

  acknowledge: (id: string, comment: string) => post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/acknowledge`, { comment }),

  securityWebhooks: async () => (await apiFetch('/security-webhooks')).json as Schemas['SecurityWebhooksResponse'],

  dashboard: async (from: string, to: string) => {
    const params = new URLSearchParams({ from, to });
    return (await apiFetch(`/dashboard?${params}`)).json as DashboardBody;
  },

  evidence: async (kind: EvidenceKind, id: string) =>
    (await apiFetch(`/evidence/${kind}/${encodeURIComponent(id)}`)).json as EvidenceBundle,

  /** The member is mailed an invitation link; the answer holds no secret. */
  createStaff: (input: { email: string; name: string; roles: string[]; reason: string; language: string }) =>
    post<{ user: StaffRecord; pendingRoleRequestId: string | null }>('/staff', input),

  /** 202: the roles grant supervisor or admin and wait for a second administrator. */
  updateStaff: async (id: string, input: { roles?: string[]; active?: boolean; reason: string }) => {
    const res = await apiFetch(`/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify(input) });
    return { pending: res.status === 202 };
  },

  reinviteStaff: (id: string) => post<StaffRecord>(`/staff/${encodeURIComponent(id)}/invitation`),

  pendingRequests: async () => ((await apiFetch('/staff/pending-requests')).json as { data: PendingRequest[] }).data ?? [],

  decideRequest: (request: Pick<PendingRequest, 'id' | 'kind'>, decision: 'confirm' | 'refuse') =>
    post<unknown>(
      `/staff/${request.kind === 'role_grant' ? 'role-requests' : 'mfa-reset-requests'}/${encodeURIComponent(request.id)}/${decision}`,
    ),

  requestMfaReset: (staffId: string, reason: string) =>
    post<{ id: string; staffId: string; requestedBy: string; reason: string; createdAt: string }>(
      `/staff/${encodeURIComponent(staffId)}/mfa-reset-requests`,
      { reason },
    ),
};

/** Same-origin URL of the CSV export: a plain link, the session cookie goes along and the server answers an attachment. */
export const auditExportUrl = (filter: Record<string, unknown>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    const param = toParam(value);
    if (param !== null) params.append(name, param);
  }
  const query = params.toString();
  return `${API_ROOT}/audit-events/export${query ? `?${query}` : ''}`;
};

export const QUEUES_DASHBOARD_URL = `${API_ROOT}/admin/queues`;

/** Offers a JSON value as a downloaded file (Blob + object URL; the CSP allows `blob:`). */
export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
