import { MigrationInterface, QueryRunner } from "typeorm";

export class CallScripts1796094167138 implements MigrationInterface {
    name = 'CallScripts1796094167138'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "call_scripts" ("key" text NOT NULL, "language" text NOT NULL, "text" text NOT NULL, "updated_by" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_524a8a3156832cd5f1d77f439ad" PRIMARY KEY ("key", "language"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "call_scripts"`);
    }

}
