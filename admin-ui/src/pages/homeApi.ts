import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../providers/http';
import type { Schemas } from '../api/types';

// The blocks' shapes come from the server's OpenAPI document (admin-ui/src/api/schema.d.ts, `npm run api:types`).
export type AgentHome = Schemas['AgentHomeResponse'];
export type ReviewerHome = Schemas['ReviewerHomeResponse'];
export type SupervisorHome = Schemas['SupervisorHomeResponse'];
export type AdminHome = Schemas['AdminHomeResponse'];

/** One role's block of the home page, `GET /api/home/<role>`; asked only when the role's permission allows. */
export function useHome<T>(role: 'agent' | 'reviewer' | 'supervisor' | 'admin', enabled: boolean) {
  return useQuery({
    queryKey: ['home', role],
    queryFn: async (): Promise<T> => (await apiFetch(`/home/${role}`)).json as T,
    enabled,
    refetchInterval: 60_000,
  });
}
