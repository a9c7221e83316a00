import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../core/clock';
import { REVIEW_TARGET_MS } from '../documents/review.service';
import { pendingRequests } from '../staff/staff-queries.service';
import { agentCallsSince, lateCounts, reviewQueueCounts, supervisorCounts, waitingSubmittedBefore } from './supervision-queries.service';

/** A case within this much of the 72 h answer target is "near". */
export const NEAR_TARGET_MS = 12 * 3600_000;
const LIST_LIMIT = 20;

/**
 * The home page of each role: small counts and short lists. Every query reads a small table by an index
 * (caller_verifications by agent, identity_cases by status, recovery_cases by status, alerts open, mail_outbox by
 * status); customer_accounts is only read by primary key for the rows listed, never counted or scanned.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The agent's calls started today (UTC), newest first, with the account's customer ID. */
  async agent(agentId: string) {
    const now = this.clock.now();
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const rows = await agentCallsSince(this.dataSource.manager, agentId, dayStart);
    return {
      calls: rows.map((r) => ({
        verificationId: r.id,
        accountId: r.account_id,
        customerId: r.customer_id,
        callReference: r.call_reference,
        startedAt: new Date(r.started_at).toISOString(),
        expiresAt: new Date(r.expires_at).toISOString(),
        live: new Date(r.expires_at).getTime() > now.getTime(),
        possessionProven: r.possession_proven,
        locked: r.locked_at !== null,
      })),
    };
  }

  /** Queue counts and the cases near (under 12 h left) or past the 72 h target. */
  async reviewer(reviewerId: string) {
    const now = this.clock.now().getTime();
    const counts = await reviewQueueCounts(this.dataSource.manager, reviewerId);
    const nearFrom = new Date(now - (REVIEW_TARGET_MS - NEAR_TARGET_MS));
    const rows = await waitingSubmittedBefore(this.dataSource.manager, nearFrom, LIST_LIMIT);
    const late = await lateCounts(this.dataSource.manager, new Date(now - REVIEW_TARGET_MS), nearFrom);
    return {
      waiting: counts.waiting,
      inReview: counts.in_review,
      mine: counts.mine,
      awaitingReupload: counts.awaiting_reupload,
      near: late.near,
      past: late.past,
      targetHours: REVIEW_TARGET_MS / 3600_000,
      cases: rows.map((r) => {
        const due = new Date(r.submitted_at).getTime() + REVIEW_TARGET_MS;
        return {
          id: r.id,
          customerId: r.customer_id_given,
          purpose: r.purpose,
          status: r.status,
          mine: r.reviewer_id === reviewerId,
          submittedAt: new Date(r.submitted_at).toISOString(),
          dueAt: new Date(due).toISOString(),
          hoursLeft: Math.round((due - now) / 3600_000),
        };
      }),
    };
  }

  /** Approvals waiting, open alerts, the last audit-chain check, failed mails. */
  async supervisor() {
    const { approvals, alerts, checkpoint, mails } = await supervisorCounts(this.dataSource.manager);
    return {
      pendingApprovals: approvals.n,
      oldestApprovalAt: approvals.oldest ? new Date(approvals.oldest).toISOString() : null,
      openAlerts: alerts.n,
      chain: checkpoint ? { checkedAt: new Date(checkpoint.at).toISOString(), ok: checkpoint.ok, fullPass: checkpoint.full } : null,
      failedMails: mails.n,
    };
  }

  /** Staff requests waiting for a second admin. */
  async admin() {
    const pending = await pendingRequests(this.dataSource.manager);
    return {
      pendingRequests: pending.length,
      requests: pending.slice(0, LIST_LIMIT).map((r) => ({
        id: r.id,
        kind: r.kind,
        staffId: r.staffId,
        staffName: r.staffName,
        staffEmail: r.staffEmail,
        roles: r.roles,
        createdAt: r.createdAt,
      })),
    };
  }
}
