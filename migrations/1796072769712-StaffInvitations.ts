import { MigrationInterface, QueryRunner } from "typeorm";

export class StaffInvitations1796072769712 implements MigrationInterface {
    name = 'StaffInvitations1796072769712'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_role_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "from_roles" text array NOT NULL, "roles" text array NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decision" text, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_8559daf235f5458c2ace52175b9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_role_requests_one_open" ON "staff_role_requests"  ("staff_id") WHERE decided_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "staff_enrolments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "totp_secret" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_9ca8fb3f8e7ebac54e4fb2f228b" UNIQUE ("token_hash"), CONSTRAINT "PK_9081a05ad645b6caeebc24ed1fb" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "staff_enrolments_staff" ON "staff_enrolments"  ("staff_id") `);
        await queryRunner.query(`ALTER TABLE "staff_users" ADD "language" text NOT NULL DEFAULT 'en'`);
        await queryRunner.query(`ALTER TABLE "staff_mfa_resets" ADD "cancelled_by" uuid`);
        await queryRunner.query(`ALTER TABLE "staff_users" ALTER COLUMN "password_hash" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_users" ALTER COLUMN "totp_secret" DROP NOT NULL`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_users" ALTER COLUMN "totp_secret" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_users" ALTER COLUMN "password_hash" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "staff_mfa_resets" DROP COLUMN "cancelled_by"`);
        await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "language"`);
        await queryRunner.query(`DROP INDEX "public"."staff_enrolments_staff"`);
        await queryRunner.query(`DROP TABLE "staff_enrolments"`);
        await queryRunner.query(`DROP INDEX "public"."staff_role_requests_one_open"`);
        await queryRunner.query(`DROP TABLE "staff_role_requests"`);
    }

}
