import { MigrationInterface, QueryRunner } from "typeorm";

export class SecurityWebhookCursors1796139883092 implements MigrationInterface {
    name = 'SecurityWebhookCursors1796139883092'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "webhook_cursors" ("name" text NOT NULL, "last_delivered_id" bigint NOT NULL DEFAULT '0', "last_delivered_at" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "failures" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3d6e8b8cd1f60a30a12bcf98034" PRIMARY KEY ("name"))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "webhook_cursors"`);
    }

}
