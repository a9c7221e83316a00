import { MigrationInterface, QueryRunner } from "typeorm";

export class FormLanguage1796072917292 implements MigrationInterface {
    name = 'FormLanguage1796072917292'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "identity_cases" ADD "language" text`);
        await queryRunner.query(`CREATE INDEX "identity_cases_contact_email_idx" ON "identity_cases"  ("contact_email", "created_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."identity_cases_contact_email_idx"`);
        await queryRunner.query(`ALTER TABLE "identity_cases" DROP COLUMN "language"`);
    }

}
