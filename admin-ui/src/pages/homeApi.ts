import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../providers/http';

export interface AgentHome {
  calls: {
    verificationId: string;
    accountId: string;
    customerId: string;
    callReference: string;
    startedAt: string;
    expiresAt: string;
    live: boolean;
    possessionProven: string[];
    locked: boolean;
  }[];
}

export interface ReviewerHome {
  waiting: number;
  inReview: number;
  mine: number;
  /** Cases waiting for the customer to send one document again. */
  awaitingReupload: number;
  near: number;
  past: number;
  targetHours: number;
  cases: { id: string; customerId: string; purpose: string; status: string; mine: boolean; submittedAt: string; dueAt: string; hoursLeft: number }[];
}

export interface SupervisorHome {
  pendingApprovals: number;
  oldestApprovalAt: string | null;
  openAlerts: number;
  chain: { checkedAt: string; ok: boolean; fullPass: boolean } | null;
  failedMails: number;
}

export interface AdminHome {
  pendingRequests: number;
  requests: { id: string; kind: 'role_grant' | 'mfa_reset'; staffId: string; staffName: string; staffEmail: string; roles: string[] | null; createdAt: string }[];
}

/** One role's block of the home page, `GET /api/home/<role>`; asked only when the role's permission allows. */
export function useHome<T>(role: 'agent' | 'reviewer' | 'supervisor' | 'admin', enabled: boolean) {
  return useQuery({
    queryKey: ['home', role],
    queryFn: async (): Promise<T> => (await apiFetch(`/home/${role}`)).json as T,
    enabled,
    refetchInterval: 60_000,
  });
}
