import { MigrationInterface, QueryRunner } from "typeorm";

export class SecurityKeys1796140120184 implements MigrationInterface {
    name = 'SecurityKeys1796140120184'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_security_key_challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "purpose" text NOT NULL, "staff_id" uuid NOT NULL, "session_id" uuid, "ticket_hash" text, "challenge" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_5ba583040b8a6d2d7fbe3f43f97" UNIQUE ("ticket_hash"), CONSTRAINT "PK_a3262d2987c11eed484f3044ec9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_security_key_challenges_session" ON "staff_security_key_challenges"  ("session_id") `);
        await queryRunner.query(`CREATE INDEX "staff_security_key_challenges_expiry" ON "staff_security_key_challenges"  ("expires_at") `);
        await queryRunner.query(`CREATE TABLE "staff_security_key_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "reason" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "confirmed_by" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_a5659a673a410470629ca261312" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_security_key_resets_one_open" ON "staff_security_key_resets"  ("staff_id") WHERE confirmed_at IS NULL AND cancelled_at IS NULL`);
        await queryRunner.query(`CREATE TABLE "staff_security_keys" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "credential_id" text NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL, "transports" text array NOT NULL DEFAULT '{}', "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_422c0f27d88637221acde9cf0af" UNIQUE ("credential_id"), CONSTRAINT "PK_68ef6b556d4b3242f79e2a3eb6d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "staff_security_keys_staff" ON "staff_security_keys"  ("staff_id") `);
        await queryRunner.query(`ALTER TABLE "staff_security_key_challenges" ADD CONSTRAINT "FK_a2d00c8f9e151b4fea5c8d5c9a7" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_security_key_challenges" ADD CONSTRAINT "FK_9233ee836d7068e89f26108ad0e" FOREIGN KEY ("session_id") REFERENCES "staff_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "staff_security_keys" ADD CONSTRAINT "FK_ef51087758d9e30b0db0637988b" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_security_keys" DROP CONSTRAINT "FK_ef51087758d9e30b0db0637988b"`);
        await queryRunner.query(`ALTER TABLE "staff_security_key_challenges" DROP CONSTRAINT "FK_9233ee836d7068e89f26108ad0e"`);
        await queryRunner.query(`ALTER TABLE "staff_security_key_challenges" DROP CONSTRAINT "FK_a2d00c8f9e151b4fea5c8d5c9a7"`);
        await queryRunner.query(`DROP INDEX "public"."staff_security_keys_staff"`);
        await queryRunner.query(`DROP TABLE "staff_security_keys"`);
        await queryRunner.query(`DROP INDEX "public"."staff_security_key_resets_one_open"`);
        await queryRunner.query(`DROP TABLE "staff_security_key_resets"`);
        await queryRunner.query(`DROP INDEX "public"."staff_security_key_challenges_expiry"`);
        await queryRunner.query(`DROP INDEX "public"."staff_security_key_challenges_session"`);
        await queryRunner.query(`DROP TABLE "staff_security_key_challenges"`);
    }

}
