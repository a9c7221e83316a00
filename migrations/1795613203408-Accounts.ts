import { MigrationInterface, QueryRunner } from "typeorm";

// Generated; edited once: TypeORM wrote the generating database's name into typeorm_metadata, now current_database().
export class Accounts1795613203408 implements MigrationInterface {
    name = 'Accounts1795613203408'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "account_2fa_methods" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "kind" text NOT NULL, "label" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE, "codes_left" integer, CONSTRAINT "PK_56e633016dcf97f265185f94c4b" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "account_2fa_methods_account_idx" ON "account_2fa_methods"  ("account_id") `);
        await queryRunner.query(`INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), $1, $2, $3, $4, $5)`, ["public","customer_accounts","GENERATED_COLUMN","search_text","rd_fold(coalesce(\"name\", '') || ' ' || coalesce(\"company_name\", '') || ' ' || coalesce(\"legal_representative\", ''))"]);
        await queryRunner.query(`CREATE TABLE "customer_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "customer_id" text NOT NULL, "account_type" text NOT NULL, "name" text NOT NULL, "company_name" text, "legal_representative" text, "primary_email" citext NOT NULL, "backup_email" citext, "phone" text, "address_line" text NOT NULL, "postal_code" text NOT NULL, "city" text NOT NULL, "country" character(2) NOT NULL, "language" text NOT NULL DEFAULT 'fr', "status" text NOT NULL DEFAULT 'active', "flags" text array NOT NULL DEFAULT '{}', "search_text" text GENERATED ALWAYS AS (rd_fold(coalesce("name", '') || ' ' || coalesce("company_name", '') || ' ' || coalesce("legal_representative", ''))) STORED NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_75fe3afaa3f4f55c016d45aaf1a" UNIQUE ("customer_id"), CONSTRAINT "customer_accounts_backup_differs" CHECK (backup_email IS NULL OR backup_email <> primary_email), CONSTRAINT "PK_814e5a9128d2a2fffbddffc0a27" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "customer_accounts_primary_email_idx" ON "customer_accounts"  ("primary_email") `);
        await queryRunner.query(`CREATE INDEX "customer_accounts_backup_email_idx" ON "customer_accounts"  ("backup_email") `);
        await queryRunner.query(`CREATE INDEX "customer_accounts_phone_idx" ON "customer_accounts"  ("phone") `);
        await queryRunner.query(`CREATE TABLE "caller_verifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "call_reference" text NOT NULL, "agent_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "possession_proven" text array NOT NULL DEFAULT '{}', "possession_proven_at" TIMESTAMP WITH TIME ZONE, "locked_at" TIMESTAMP WITH TIME ZONE, "code_failures" integer NOT NULL DEFAULT '0', "stated_tries" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_ead682865e96c886615a7d16311" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "caller_verifications_agent_idx" ON "caller_verifications"  ("agent_id") `);
        await queryRunner.query(`CREATE INDEX "caller_verifications_account_idx" ON "caller_verifications"  ("account_id", "started_at") `);
        await queryRunner.query(`CREATE TABLE "account_security_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "channel" text NOT NULL, "destination_masked" text, "detail" text, "ip" text, CONSTRAINT "PK_3e3e1a9435a06425e6af1eb9ed2" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "account_security_events_timeline_idx" ON "account_security_events"  ("account_id", "at", "id") `);
        await queryRunner.query(`CREATE TABLE "verification_checks" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "verification_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "kind" text NOT NULL, "subject" text NOT NULL, "result" text NOT NULL, CONSTRAINT "PK_e1d6ccafeebe982067545c388f6" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "verification_checks_verification_idx" ON "verification_checks"  ("verification_id", "at") `);
        await queryRunner.query(`CREATE TABLE "verification_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "verification_id" uuid NOT NULL, "channel" text NOT NULL, "destination_masked" text NOT NULL, "code_hash" text NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consumed_at" TIMESTAMP WITH TIME ZONE, "superseded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_18741b6b8bf1680dbf5057421d7" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "verification_codes_verification_idx" ON "verification_codes"  ("verification_id") `);
        await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "template" text NOT NULL, "language" text NOT NULL, "to_address" text NOT NULL, "params" jsonb NOT NULL DEFAULT '{}', "secret_params" text array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "message_id" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_fecc63c96385bc35a39ccf2a72e" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "mail_outbox_account_idx" ON "mail_outbox"  ("account_id") `);
        await queryRunner.query(`CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox"  ("status", "created_at") `);
        await queryRunner.query(`ALTER TABLE "account_2fa_methods" ADD CONSTRAINT "FK_661426c9b62b2b26f74bd2e1f6c" FOREIGN KEY ("account_id") REFERENCES "customer_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "caller_verifications" ADD CONSTRAINT "FK_6a53d6deb8971f1f70be3d62347" FOREIGN KEY ("account_id") REFERENCES "customer_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account_security_events" ADD CONSTRAINT "FK_b2e96d3d9229dbbe4767ef33983" FOREIGN KEY ("account_id") REFERENCES "customer_accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verification_checks" ADD CONSTRAINT "FK_adaa0c9e4f280428ccb21f267e3" FOREIGN KEY ("verification_id") REFERENCES "caller_verifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "verification_codes" ADD CONSTRAINT "FK_b8f4aad26b5b161ba67122887a0" FOREIGN KEY ("verification_id") REFERENCES "caller_verifications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "verification_codes" DROP CONSTRAINT "FK_b8f4aad26b5b161ba67122887a0"`);
        await queryRunner.query(`ALTER TABLE "verification_checks" DROP CONSTRAINT "FK_adaa0c9e4f280428ccb21f267e3"`);
        await queryRunner.query(`ALTER TABLE "account_security_events" DROP CONSTRAINT "FK_b2e96d3d9229dbbe4767ef33983"`);
        await queryRunner.query(`ALTER TABLE "caller_verifications" DROP CONSTRAINT "FK_6a53d6deb8971f1f70be3d62347"`);
        await queryRunner.query(`ALTER TABLE "account_2fa_methods" DROP CONSTRAINT "FK_661426c9b62b2b26f74bd2e1f6c"`);
        await queryRunner.query(`DROP INDEX "public"."mail_outbox_pending_idx"`);
        await queryRunner.query(`DROP INDEX "public"."mail_outbox_account_idx"`);
        await queryRunner.query(`DROP TABLE "mail_outbox"`);
        await queryRunner.query(`DROP INDEX "public"."verification_codes_verification_idx"`);
        await queryRunner.query(`DROP TABLE "verification_codes"`);
        await queryRunner.query(`DROP INDEX "public"."verification_checks_verification_idx"`);
        await queryRunner.query(`DROP TABLE "verification_checks"`);
        await queryRunner.query(`DROP INDEX "public"."account_security_events_timeline_idx"`);
        await queryRunner.query(`DROP TABLE "account_security_events"`);
        await queryRunner.query(`DROP INDEX "public"."caller_verifications_account_idx"`);
        await queryRunner.query(`DROP INDEX "public"."caller_verifications_agent_idx"`);
        await queryRunner.query(`DROP TABLE "caller_verifications"`);
        await queryRunner.query(`DROP INDEX "public"."customer_accounts_phone_idx"`);
        await queryRunner.query(`DROP INDEX "public"."customer_accounts_backup_email_idx"`);
        await queryRunner.query(`DROP INDEX "public"."customer_accounts_primary_email_idx"`);
        await queryRunner.query(`DROP TABLE "customer_accounts"`);
        await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = current_database() AND "schema" = $3 AND "table" = $4`, ["GENERATED_COLUMN","search_text","public","customer_accounts"]);
        await queryRunner.query(`DROP INDEX "public"."account_2fa_methods_account_idx"`);
        await queryRunner.query(`DROP TABLE "account_2fa_methods"`);
    }

}
