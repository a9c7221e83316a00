import { MigrationInterface, QueryRunner } from "typeorm";

export class IdentityCases1795614759061 implements MigrationInterface {
    name = 'IdentityCases1795614759061'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "identity_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "customer_id_given" text NOT NULL, "account_type" text NOT NULL, "purpose" text NOT NULL, "status" text NOT NULL DEFAULT 'collecting', "contact_email" citext NOT NULL, "contact_email_confirmed_at" TIMESTAMP WITH TIME ZONE, "email_code_hash" text, "email_code_expires_at" TIMESTAMP WITH TIME ZONE, "email_code_failures" integer NOT NULL DEFAULT '0', "access_token_hash" text, "channel" text NOT NULL, "opened_by" uuid, "reviewer_id" uuid, "fraud_flags" text array NOT NULL DEFAULT '{}', "rejection_reason" text, "created_ip" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "collect_until" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, "claimed_at" TIMESTAMP WITH TIME ZONE, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_440efa0866e8f3aa8ba6df1f266" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "identity_cases_account_idx" ON "identity_cases"  ("account_id") `);
        await queryRunner.query(`CREATE INDEX "identity_cases_customer_idx" ON "identity_cases"  ("customer_id_given", "created_at") `);
        await queryRunner.query(`CREATE INDEX "identity_cases_created_ip_idx" ON "identity_cases"  ("created_ip", "created_at") `);
        await queryRunner.query(`CREATE INDEX "identity_cases_queue_idx" ON "identity_cases"  ("status", "submitted_at") `);
        await queryRunner.query(`CREATE TABLE "case_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "kind" text NOT NULL, "original_name" text NOT NULL, "size_bytes" integer NOT NULL, "storage_key" text NOT NULL, "uploaded_by" uuid, "state" text NOT NULL DEFAULT 'uploaded', "processing_note" text, "detected_type" text, "sha256" text, "scan_verdict" text, "pdf_pages" integer, "pdf_flags" text array NOT NULL DEFAULT '{}', "width" integer, "height" integer, "preview_key" text, "decision" text, "decision_reason" text, "decision_note" text, "holder_name" text, "document_expiry" date, "name_matches" boolean, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a2d2ceeefa232f683c414986ad" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "case_documents_case_idx" ON "case_documents"  ("case_id") `);
        await queryRunner.query(`CREATE INDEX "case_documents_sha256_idx" ON "case_documents"  ("sha256") `);
        await queryRunner.query(`CREATE INDEX "case_documents_state_idx" ON "case_documents"  ("state", "updated_at") `);
        await queryRunner.query(`ALTER TABLE "case_documents" ADD CONSTRAINT "FK_e9303ee9a99d1edb33f3e17b3b7" FOREIGN KEY ("case_id") REFERENCES "identity_cases"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_documents" DROP CONSTRAINT "FK_e9303ee9a99d1edb33f3e17b3b7"`);
        await queryRunner.query(`DROP INDEX "public"."case_documents_state_idx"`);
        await queryRunner.query(`DROP INDEX "public"."case_documents_sha256_idx"`);
        await queryRunner.query(`DROP INDEX "public"."case_documents_case_idx"`);
        await queryRunner.query(`DROP TABLE "case_documents"`);
        await queryRunner.query(`DROP INDEX "public"."identity_cases_queue_idx"`);
        await queryRunner.query(`DROP INDEX "public"."identity_cases_created_ip_idx"`);
        await queryRunner.query(`DROP INDEX "public"."identity_cases_customer_idx"`);
        await queryRunner.query(`DROP INDEX "public"."identity_cases_account_idx"`);
        await queryRunner.query(`DROP TABLE "identity_cases"`);
    }

}
