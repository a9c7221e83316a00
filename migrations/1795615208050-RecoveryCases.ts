import { MigrationInterface, QueryRunner } from "typeorm";

export class RecoveryCases1795615208050 implements MigrationInterface {
    name = 'RecoveryCases1795615208050'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "recovery_cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "action" text NOT NULL, "status" text NOT NULL DEFAULT 'draft', "call_reference" text NOT NULL, "reason" text NOT NULL, "opened_by" uuid NOT NULL, "verification_id" uuid, "identity_case_id" uuid, "new_value" text, "previous" jsonb, "approval_hash" text, "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "hold_until" TIMESTAMP WITH TIME ZONE, "executed_at" TIMESTAMP WITH TIME ZONE, "closed_reason" text, "reported_at" TIMESTAMP WITH TIME ZONE, "reverted_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_05a99a3aeaace3463ed9467714f" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "recovery_cases_status_idx" ON "recovery_cases"  ("status", "created_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "recovery_cases_one_open" ON "recovery_cases"  ("account_id", "action") WHERE status IN ('draft', 'checks_passed', 'pending_approval', 'approved', 'on_hold')`);
        await queryRunner.query(`CREATE TABLE "recovery_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recovery_case_id" uuid NOT NULL, "token_hash" text NOT NULL, "sent_to_masked" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_272ddd757e19d9f052f8c8f0da7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "recovery_links_case_idx" ON "recovery_links"  ("recovery_case_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "recovery_links_token_idx" ON "recovery_links"  ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "customer_accounts" ADD "sessions_valid_after" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customer_accounts" DROP COLUMN "sessions_valid_after"`);
        await queryRunner.query(`DROP INDEX "public"."recovery_links_token_idx"`);
        await queryRunner.query(`DROP INDEX "public"."recovery_links_case_idx"`);
        await queryRunner.query(`DROP TABLE "recovery_links"`);
        await queryRunner.query(`DROP INDEX "public"."recovery_cases_one_open"`);
        await queryRunner.query(`DROP INDEX "public"."recovery_cases_status_idx"`);
        await queryRunner.query(`DROP TABLE "recovery_cases"`);
    }

}
