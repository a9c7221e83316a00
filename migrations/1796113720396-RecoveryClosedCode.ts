import { MigrationInterface, QueryRunner } from "typeorm";

export class RecoveryClosedCode1796113720396 implements MigrationInterface {
    name = 'RecoveryClosedCode1796113720396'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "recovery_cases" ADD "closed_code" text`);
        // Cases the system closed before this column: their English reason names which code they had.
        await queryRunner.query(`UPDATE "recovery_cases" SET "closed_code" = CASE
            WHEN "closed_reason" LIKE 'cancelled by the customer from %' THEN 'customer_cancelled'
            WHEN "closed_reason" = 'approval void: the account was blocked after the approval' THEN 'void_blocked_after_approval'
            WHEN "closed_reason" = 'approval void: the account or the change differs from what was approved' THEN 'void_changed_since_approval'
            END WHERE "status" = 'cancelled'`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "recovery_cases" DROP COLUMN "closed_code"`);
    }

}
