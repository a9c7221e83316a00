import { MigrationInterface, QueryRunner } from "typeorm";

export class AccountLockPhoneRegion1796094091972 implements MigrationInterface {
    name = 'AccountLockPhoneRegion1796094091972'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_users" ADD "phone_region" character(2)`);
        await queryRunner.query(`ALTER TABLE "customer_accounts" ADD "locked_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "customer_accounts" ADD "lock_reason" text`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "customer_accounts" DROP COLUMN "lock_reason"`);
        await queryRunner.query(`ALTER TABLE "customer_accounts" DROP COLUMN "locked_at"`);
        await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "phone_region"`);
    }

}
