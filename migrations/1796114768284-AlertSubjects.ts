import { MigrationInterface, QueryRunner } from "typeorm";

export class AlertSubjects1796114768284 implements MigrationInterface {
    name = 'AlertSubjects1796114768284'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "alerts" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "alerts" ADD "subject" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "alerts" ADD "customer_id" text`);
        await queryRunner.query(`ALTER TABLE "alerts" ADD "evidence_ids" bigint array NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`CREATE INDEX "alerts_customer_idx" ON "alerts"  ("customer_id", "created_at") `);
        // Alerts raised before: their subject and params from what they stored (and the entry that raised them),
        // their evidence that one entry. No threshold: the configuration of the day is not known.
        await queryRunner.query(`UPDATE "alerts" a SET "evidence_ids" = ARRAY[a."event_id"], "subject" = s.subject,
            "customer_id" = s.subject->>'customerId', "params" = s.params
          FROM (SELECT al.id,
              CASE
                WHEN al.rule IN ('swap_burst', 'unmask_burst', 'searches_without_call', 'off_hours')
                  THEN jsonb_build_object('type', 'staff', 'id', al.staff_id, 'staffEmail', al.staff_email)
                WHEN al.rule IN ('repeated_attempts', 'stated_value_limit', 'customer_report')
                  THEN jsonb_build_object('type', 'account', 'id', acc.id, 'customerId', acc.customer_id)
                WHEN al.rule = 'duplicate_document'
                  THEN jsonb_build_object('type', 'document', 'id', al.target_id, 'documentKind', d.kind, 'caseId', dc.id,
                    'caseRef', left(dc.id::text, 8), 'customerId', coalesce(dca.customer_id, dc.customer_id_given))
                WHEN al.rule IN ('review_overdue', 'verified_without_action')
                  THEN jsonb_build_object('type', 'identity_case', 'id', ic.id, 'caseId', ic.id, 'caseRef', left(ic.id::text, 8),
                    'customerId', coalesce(ica.customer_id, ic.customer_id_given))
                ELSE jsonb_build_object('type', 'audit_entry', 'id', al.event_id::text)
              END AS subject,
              jsonb_strip_nulls(jsonb_build_object(
                'count', al.details->'count', 'hour', al.details->'hour',
                'actorEmail', CASE WHEN al.rule IN ('swap_burst', 'unmask_burst', 'searches_without_call', 'off_hours') THEN to_jsonb(al.staff_email) END,
                'action', CASE WHEN al.rule IN ('off_hours', 'customer_report') THEN to_jsonb(e.action) END,
                'caseRef', al.details->'caseRef', 'customerId', al.details->'customerId', 'submittedAt', al.details->'submittedAt',
                'dueAt', al.details->'dueAt', 'refusal', al.details->'refusal',
                'cases', CASE WHEN jsonb_typeof(al.details->'cases') = 'array' THEN to_jsonb(jsonb_array_length(al.details->'cases')) END,
                'firstBrokenId', al.details->'firstBrokenId', 'lastGoodId', al.details->'lastGood'->'id',
                'lastGoodHash', al.details->'lastGood'->'hash'
              )) AS params
            FROM "alerts" al
            LEFT JOIN "customer_accounts" acc ON acc.id::text = al.target_id
            LEFT JOIN "case_documents" d ON al.rule = 'duplicate_document' AND d.id::text = al.target_id
            LEFT JOIN "identity_cases" dc ON dc.id = d.case_id
            LEFT JOIN "customer_accounts" dca ON dca.id = dc.account_id
            LEFT JOIN "identity_cases" ic ON ic.id::text = al.case_id
            LEFT JOIN "customer_accounts" ica ON ica.id = ic.account_id
            LEFT JOIN "audit_events" e ON e.id = al.event_id) s
          WHERE s.id = a.id`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."alerts_customer_idx"`);
        await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "evidence_ids"`);
        await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "customer_id"`);
        await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "subject"`);
        await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "params"`);
    }

}
