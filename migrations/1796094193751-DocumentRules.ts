import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentRules1796094193751 implements MigrationInterface {
    name = 'DocumentRules1796094193751'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "address_variant" text NOT NULL DEFAULT 'standard'`);
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "reupload_kind" text`);
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "reupload_reason" text`);
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "reupload_note" text`);
        await queryRunner.query(`ALTER TABLE "case_documents" ADD "identity_type" text`);
        await queryRunner.query(`ALTER TABLE "case_documents" ADD "issued_on" date`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "issued_on"`);
        await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "identity_type"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "reupload_note"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "reupload_reason"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "reupload_kind"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "address_variant"`);
    }

}
