import { MigrationInterface, QueryRunner } from "typeorm";

export class DocumentPurge1795615123385 implements MigrationInterface {
    name = 'DocumentPurge1795615123385'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_documents" ADD "purged_at" TIMESTAMP WITH TIME ZONE`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "case_documents" DROP COLUMN "purged_at"`);
    }

}
