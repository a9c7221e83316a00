import { apiFetch } from '../../providers/http';
import type { Schemas } from '../../api/types';
import type { AlertRecord } from '../../supervision/api';

export type AlertEvidenceEntry = Schemas['AlertEvidenceEntry'];
export type BulkOutcome = Schemas['BulkAcknowledgeOutcome'];

/** The list's filters, as the URL and `GET /api/alerts` take them. */
export interface AlertFilter {
  status: 'open' | 'acknowledged' | 'all';
  rule?: string;
  customerId?: string;
  staff?: string;
  from?: string;
  to?: string;
}

const post = async <T>(url: string, body: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', body: JSON.stringify(body) })).json as T;

export const alertsApi = {
  search: async (filter: AlertFilter, limit = 200) => {
    const params = new URLSearchParams({ limit: String(limit) });
    for (const [name, value] of Object.entries(filter)) if (value) params.set(name, String(value));
    return ((await apiFetch(`/alerts?${params}`)).json as { data: AlertRecord[] }).data ?? [];
  },

  evidence: async (id: string) =>
    ((await apiFetch(`/alerts/${encodeURIComponent(id)}/evidence`)).json as { data: AlertEvidenceEntry[] }).data ?? [],

  acknowledge: (id: string, comment: string) => post<AlertRecord>(`/alerts/${encodeURIComponent(id)}/acknowledge`, { comment }),

  acknowledgeMany: async (ids: string[], comment: string) =>
    (await post<{ results: BulkOutcome[] }>('/alerts/acknowledge', { ids, comment })).results,
};
