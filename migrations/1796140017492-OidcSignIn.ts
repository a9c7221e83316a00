import { MigrationInterface, QueryRunner } from "typeorm";

export class OidcSignIn1796140017492 implements MigrationInterface {
    name = 'OidcSignIn1796140017492'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "staff_oidc_links" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "staff_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_sign_in_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_141ae6871ed6d19c71fb40bd22a" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_oidc_links_staff" ON "staff_oidc_links"  ("staff_id", "issuer") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "staff_oidc_links_subject" ON "staff_oidc_links"  ("issuer", "subject") `);
        await queryRunner.query(`ALTER TABLE "staff_sessions" ADD "role_limit" text array`);
        await queryRunner.query(`ALTER TABLE "staff_oidc_links" ADD CONSTRAINT "FK_22c6166463c8788d5dde882bc5d" FOREIGN KEY ("staff_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "staff_oidc_links" DROP CONSTRAINT "FK_22c6166463c8788d5dde882bc5d"`);
        await queryRunner.query(`ALTER TABLE "staff_sessions" DROP COLUMN "role_limit"`);
        await queryRunner.query(`DROP INDEX "public"."staff_oidc_links_subject"`);
        await queryRunner.query(`DROP INDEX "public"."staff_oidc_links_staff"`);
        await queryRunner.query(`DROP TABLE "staff_oidc_links"`);
    }

}
