import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditFullPass1796072646098 implements MigrationInterface {
    name = 'AuditFullPass1796072646098'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_checkpoints" ADD "full" boolean NOT NULL DEFAULT false`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "audit_checkpoints" DROP COLUMN "full"`);
    }

}
