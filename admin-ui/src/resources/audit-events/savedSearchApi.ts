import { apiFetch } from '../../providers/http';
import { toParam } from '../../providers/dataProvider';
import type { SavedAuditSearch } from './types';

/** The list's filters as the query string a saved search keeps (empty values dropped). */
export const filtersToQuery = (filters: Record<string, unknown>): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    const text = toParam(value);
    if (text !== null) params.set(name, text);
  }
  return params.toString();
};

export const queryToFilters = (query: string): Record<string, string> => Object.fromEntries(new URLSearchParams(query));

/** `GET|POST /api/audit-searches`, `DELETE /api/audit-searches/:id`: the signed-in member's own searches. */
export const savedSearchApi = {
  list: async (): Promise<SavedAuditSearch[]> => ((await apiFetch('/audit-searches')).json as { data: SavedAuditSearch[] }).data,
  create: async (name: string, query: string): Promise<SavedAuditSearch> =>
    (await apiFetch('/audit-searches', { method: 'POST', body: JSON.stringify({ name, query }) })).json as SavedAuditSearch,
  remove: async (id: string): Promise<void> => {
    await apiFetch(`/audit-searches/${encodeURIComponent(id)}`, { method: 'DELETE' });
  },
};
