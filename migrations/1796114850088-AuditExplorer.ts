import { MigrationInterface, QueryRunner } from "typeorm";

export class AuditExplorer1796114850088 implements MigrationInterface {
    name = 'AuditExplorer1796114850088'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "saved_audit_searches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "name" text NOT NULL, "query" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_da1967ed5526cc636f7cb1f1ae7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "saved_audit_searches_name" ON "saved_audit_searches"  ("staff_id", "name") `);
        await queryRunner.query(`CREATE INDEX "recovery_cases_account_idx" ON "recovery_cases"  ("account_id") `);
        await queryRunner.query(`ALTER TABLE "saved_audit_searches" ADD CONSTRAINT "FK_0d26e4400f5e5026faa5e7cb1c7" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "saved_audit_searches" DROP CONSTRAINT "FK_0d26e4400f5e5026faa5e7cb1c7"`);
        await queryRunner.query(`DROP INDEX "public"."recovery_cases_account_idx"`);
        await queryRunner.query(`DROP INDEX "public"."saved_audit_searches_name"`);
        await queryRunner.query(`DROP TABLE "saved_audit_searches"`);
    }

}
