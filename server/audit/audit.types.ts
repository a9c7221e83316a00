/** Who acted. Null actor: the system itself (a scheduled job) or an anonymous caller (a failed login). */
export interface AuditActor {
  id: string;
  email: string;
  roles: string[];
}

/** Where the action came from. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

export const SYSTEM_META: RequestMeta = { ip: null, requestId: null };

export interface AuditInput {
  actor: AuditActor | null;
  meta: RequestMeta;
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  targetType?: string | null;
  targetId?: string | null;
  caseId?: string | null;
  reason?: string | null;
  /** Masked values only: the audit never holds a secret or a full contact value. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}
