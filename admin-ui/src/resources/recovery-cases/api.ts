import { apiFetch } from '../../providers/http';
import type { CaseSummary } from '../identity-cases/types';
import type { OpenInput, RecoveryCase, SwapInput } from './types';

const ROOT = '/recovery-cases';
const casePath = (id: string) => `${ROOT}/${encodeURIComponent(id)}`;

const post = async <T>(url: string, body?: unknown): Promise<T> =>
  (await apiFetch(url, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json as T;

/** The recovery actions beyond list/show (those go through the data provider). */
export const recoveryApi = {
  /** The phone swap: the backup email becomes the primary one, at once. */
  swap: (input: SwapInput) => post<RecoveryCase>(`${ROOT}/swaps`, input),
  /** A documents-based action, opened for a supervisor's approval. */
  open: (input: OpenInput) => post<RecoveryCase>(ROOT, input),
  approve: (id: string) => post<RecoveryCase>(`${casePath(id)}/approve`),
  reject: (id: string, reason: string) => post<RecoveryCase>(`${casePath(id)}/reject`, { reason }),
  execute: (id: string) => post<RecoveryCase>(`${casePath(id)}/execute`),
  cancel: (id: string, reason: string) => post<RecoveryCase>(`${casePath(id)}/cancel`, { reason }),
  revert: (id: string, reason: string) => post<RecoveryCase>(`${casePath(id)}/revert`, { reason }),

  /** This account's recovery cases (an agent gets the ones they opened). */
  async forAccount(accountId: string): Promise<RecoveryCase[]> {
    const { json } = await apiFetch(`${ROOT}?accountId=${encodeURIComponent(accountId)}&limit=100`);
    const data = (json as { data?: RecoveryCase[] })?.data;
    return Array.isArray(data) ? data : [];
  },

  /** The verified identity-documents cases of an account, the evidence a documents-based action rests on. */
  async verifiedIdentityCases(accountId: string): Promise<CaseSummary[]> {
    const { json } = await apiFetch(`/identity-cases?status=verified&accountId=${encodeURIComponent(accountId)}&limit=100`);
    const data = (json as { data?: CaseSummary[] })?.data;
    return Array.isArray(data) ? data : [];
  },
};
