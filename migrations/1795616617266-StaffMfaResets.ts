import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffMfaResets1795616617266 implements MigrationInterface {
    name = 'StaffMfaResets1795616617266'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_mfa_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_aee38a1e1a1aa4bf30ef521199d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_mfa_resets_one_open" ON "staff_mfa_resets"  ("staff_id") WHERE confirmed_at IS NULL AND cancelled_at IS NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."staff_mfa_resets_one_open"`);
        await queryRunner.query(`DROP TABLE "staff_mfa_resets"`);
    }

}
