import { MigrationInterface, QueryRunner } from "typeorm";

export class TwoFactorChoice1796094195957 implements MigrationInterface {
    name = 'TwoFactorChoice1796094195957'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "two_factor_method_ids" uuid array`);
        await queryRunner.query(`ALTER TABLE "recovery_cases" ADD "two_factor_method_ids" uuid array`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "recovery_cases" DROP COLUMN "two_factor_method_ids"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "two_factor_method_ids"`);
    }

}
