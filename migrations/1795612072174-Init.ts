import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795612072174 implements MigrationInterface {
    name = 'Init1795612072174'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_checkpoints" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_event_id" bigint, "last_hash" text, "checked" integer NOT NULL, "ok" boolean NOT NULL, "first_broken_id" bigint, CONSTRAINT "PK_ec62ec0b7b181580b1fa64e1167" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_email" text, "actor_roles" text array NOT NULL DEFAULT '{}', "action" text NOT NULL, "outcome" text NOT NULL, "target_type" text, "target_id" text, "case_id" text, "reason" text, "before" jsonb, "after" jsonb, "ip" text, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "UQ_dd4e005a38b7965794e8d2b1472" UNIQUE ("hash"), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "audit_events_case_idx" ON "audit_events"  ("case_id", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_events_outcome_idx" ON "audit_events"  ("outcome", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_events_ip_idx" ON "audit_events"  ("action", "ip", "at") `);
        await queryRunner.query(`CREATE INDEX "audit_events_at_idx" ON "audit_events"  ("at") `);
        await queryRunner.query(`CREATE INDEX "audit_events_target_idx" ON "audit_events"  ("target_type", "target_id", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_events_action_idx" ON "audit_events"  ("action", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_events_actor_email_idx" ON "audit_events"  ("actor_email", "id") `);
        await queryRunner.query(`CREATE INDEX "audit_events_actor_idx" ON "audit_events"  ("actor_id", "id") `);
        await queryRunner.query(`CREATE TABLE "staff_users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" citext NOT NULL, "name" text NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "active" boolean NOT NULL DEFAULT true, "password_hash" text NOT NULL, "totp_secret" text NOT NULL, "totp_last_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4f32dd66546226ea64f5573b770" UNIQUE ("email"), CONSTRAINT "PK_c6b167335377df69f7910c2c75e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "staff_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "staff_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" text, "user_agent" text, CONSTRAINT "PK_b9be2467392ab95efaa3661cce2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c435ca5b3c71d72635df8d4119" ON "staff_sessions"  ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "IDX_ae03d284bbb21fcd9dee7c1b61" ON "staff_sessions"  ("staff_id") `);
        await queryRunner.query(`CREATE INDEX "IDX_2dd2f0538f62962ddab52b9e8d" ON "staff_sessions"  ("expires_at") `);
        await queryRunner.query(`ALTER TABLE "staff_sessions" ADD CONSTRAINT "FK_ae03d284bbb21fcd9dee7c1b617" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_sessions" DROP CONSTRAINT "FK_ae03d284bbb21fcd9dee7c1b617"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_2dd2f0538f62962ddab52b9e8d"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ae03d284bbb21fcd9dee7c1b61"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c435ca5b3c71d72635df8d4119"`);
        await queryRunner.query(`DROP TABLE "staff_sessions"`);
        await queryRunner.query(`DROP TABLE "staff_users"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_actor_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_actor_email_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_action_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_target_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_at_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_ip_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_outcome_idx"`);
        await queryRunner.query(`DROP INDEX "public"."audit_events_case_idx"`);
        await queryRunner.query(`DROP TABLE "audit_events"`);
        await queryRunner.query(`DROP TABLE "audit_checkpoints"`);
    }

}
