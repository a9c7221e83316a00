import { MigrationInterface, QueryRunner } from "typeorm";

export class Alerts1795616178021 implements MigrationInterface {
    name = 'Alerts1795616178021'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule" text NOT NULL, "dedupe_key" text NOT NULL, "summary" text NOT NULL, "staff_id" uuid, "staff_email" text, "target_id" text, "case_id" text, "event_id" bigint NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "acknowledged_by" uuid, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "ack_comment" text, CONSTRAINT "PK_60f895662df096bfcdfab7f4b96" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "alerts_dedupe_key" ON "alerts"  ("dedupe_key") `);
        await queryRunner.query(`CREATE INDEX "alerts_open_idx" ON "alerts"  ("acknowledged_at", "created_at") `);
        await queryRunner.query(`CREATE TABLE "scan_cursors" ("name" text NOT NULL, "last_event_id" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_099d0280737b7ba39d8b6d24e3e" PRIMARY KEY ("name"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "scan_cursors"`);
        await queryRunner.query(`DROP INDEX "public"."alerts_open_idx"`);
        await queryRunner.query(`DROP INDEX "public"."alerts_dedupe_key"`);
        await queryRunner.query(`DROP TABLE "alerts"`);
    }

}
