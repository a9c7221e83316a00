import { MigrationInterface, QueryRunner } from "typeorm";

export class LimitHits1796072601314 implements MigrationInterface {
    name = 'LimitHits1796072601314'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "limit_hits" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "bucket" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_355984333238c53a1ae850711fe" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "limit_hits_expires_idx" ON "limit_hits"  ("expires_at") `);
        await queryRunner.query(`CREATE INDEX "limit_hits_bucket_idx" ON "limit_hits"  ("bucket", "expires_at") `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP INDEX "public"."limit_hits_bucket_idx"`);
        await queryRunner.query(`DROP INDEX "public"."limit_hits_expires_idx"`);
        await queryRunner.query(`DROP TABLE "limit_hits"`);
    }

}
