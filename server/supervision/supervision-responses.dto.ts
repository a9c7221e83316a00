import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryResponse } from '../audit/audit-responses.dto';
import { ALERT_RULES } from './alert.entity';
import { AlertSubjectResponse } from './alert-responses.dto';

export class AlertResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALERT_RULES, description: 'The code the console words, with `params`' }) rule: string;
  @ApiProperty({ description: 'English, for mails and logs' }) summary: string;
  @ApiProperty({ type: 'object', additionalProperties: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }] } })
  params: Record<string, string | number | null>;
  @ApiProperty({ type: AlertSubjectResponse }) subject: AlertSubjectResponse;
  @ApiProperty({ type: [String], description: 'The audit entries behind the alert (bigints as strings), oldest first' })
  evidenceIds: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) staffId: string | null;
  @ApiProperty({ type: String, nullable: true }) staffEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty({ description: 'The audit entry that raised it' }) eventId: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acknowledgedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) ackComment: string | null;
}

export class AlertPage {
  @ApiProperty({ type: [AlertResponse] }) data: AlertResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: one page' }) nextCursor: null;
}

export class AgentHomeCall {
  @ApiProperty({ format: 'uuid' }) verificationId: string;
  @ApiProperty({ format: 'uuid' }) accountId: string;
  @ApiProperty() customerId: string;
  @ApiProperty() callReference: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty() live: boolean;
  @ApiProperty({ enum: ['backup_email', 'primary_email'], isArray: true }) possessionProven: string[];
  @ApiProperty() locked: boolean;
}

/** The agent's calls started today (UTC), newest first. */
export class AgentHomeResponse {
  @ApiProperty({ type: [AgentHomeCall] }) calls: AgentHomeCall[];
}

export class ReviewerHomeCase {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() customerId: string;
  @ApiProperty() purpose: string;
  @ApiProperty() status: string;
  @ApiProperty() mine: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty() hoursLeft: number;
}

/** Queue counts and the cases near or past the review target. */
export class ReviewerHomeResponse {
  @ApiProperty() waiting: number;
  @ApiProperty() inReview: number;
  @ApiProperty() mine: number;
  @ApiProperty({ description: 'Cases waiting for the customer to send one document again' }) awaitingReupload: number;
  @ApiProperty() near: number;
  @ApiProperty() past: number;
  @ApiProperty() targetHours: number;
  @ApiProperty({ type: [ReviewerHomeCase] }) cases: ReviewerHomeCase[];
}

export class ChainState {
  @ApiProperty({ format: 'date-time' }) checkedAt: string;
  @ApiProperty() ok: boolean;
  @ApiProperty() fullPass: boolean;
}

export class SupervisorHomeResponse {
  @ApiProperty() pendingApprovals: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestApprovalAt: string | null;
  @ApiProperty() openAlerts: number;
  @ApiProperty({ type: ChainState, nullable: true }) chain: ChainState | null;
  @ApiProperty() failedMails: number;
}

export class AdminHomeRequest {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['role_grant', 'mfa_reset'] }) kind: string;
  @ApiProperty({ format: 'uuid' }) staffId: string;
  @ApiProperty() staffName: string;
  @ApiProperty() staffEmail: string;
  @ApiProperty({ type: [String], nullable: true }) roles: string[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminHomeResponse {
  @ApiProperty() pendingRequests: number;
  @ApiProperty({ type: [AdminHomeRequest] }) requests: AdminHomeRequest[];
}

export class ActivityRowResponse {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ description: "The staff member's email, or system" }) staff: string;
  @ApiProperty() swaps: number;
  @ApiProperty() twoFactorDisablements: number;
  @ApiProperty() emailReplacements: number;
  @ApiProperty() unmasks: number;
  @ApiProperty() searches: number;
  @ApiProperty() reviews: number;
}

export class IdentityCaseCount {
  @ApiProperty() status: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) oldestAgeHours: number | null;
  @ApiProperty() late: number;
}

export class RecoveryCaseCount {
  @ApiProperty() status: string;
  @ApiProperty() action: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: Number, nullable: true }) oldestAgeHours: number | null;
}

export class CaseCounts {
  @ApiProperty({ type: [IdentityCaseCount] }) identity: IdentityCaseCount[];
  @ApiProperty({ type: [RecoveryCaseCount] }) recovery: RecoveryCaseCount[];
  @ApiProperty() reviewTargetHours: number;
}

export class QueueHealthResponse {
  @ApiProperty() name: string;
  @ApiProperty() waiting: number;
  @ApiProperty() active: number;
  @ApiProperty() failed: number;
  @ApiProperty() delayed: number;
  @ApiProperty() completed: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestWaitingAt: string | null;
}

export class QueuesState {
  @ApiProperty({ enum: ['up', 'down'] }) redis: 'up' | 'down';
  @ApiProperty({ type: [QueueHealthResponse] }) queues: QueueHealthResponse[];
}

export class MailCounts {
  @ApiProperty({ required: false }) pending?: number;
  @ApiProperty({ required: false }) sent?: number;
  @ApiProperty({ required: false }) failed?: number;
}

export class OutboxState {
  @ApiProperty({ type: MailCounts }) byStatus: MailCounts;
  @ApiProperty() failedLast24h: number;
}

/** The activity board of a period. */
export class DashboardResponse {
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ type: [ActivityRowResponse] }) activity: ActivityRowResponse[];
  @ApiProperty({ type: CaseCounts }) cases: CaseCounts;
  @ApiProperty({ type: QueuesState }) queues: QueuesState;
  @ApiProperty({ type: OutboxState }) outbox: OutboxState;
}

export class EvidenceIntegrity {
  @ApiProperty() entries: number;
  @ApiProperty({ description: 'Every entry hash recomputed and matching' }) hashesRecomputed: boolean;
  @ApiProperty({ description: 'Every entry also linked to the entry before it in the whole chain' }) chainVerified: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The first entry that does not verify' }) firstBrokenId: string | null;
  @ApiProperty() algorithm: string;
}

/** What every evidence bundle carries; the case's own fields (the case, its checks or documents) come beside it. */
export class EvidenceEnvelope {
  @ApiProperty({ enum: ['recovery_case', 'identity_case'] }) kind: string;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty() generatedBy: string;
  @ApiProperty({ type: [AuditEntryResponse] }) audit: AuditEntryResponse[];
  @ApiProperty({ type: EvidenceIntegrity }) integrity: EvidenceIntegrity;
}
