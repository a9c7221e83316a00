import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written: extensions are not entity metadata. All four are trusted extensions (no superuser needed). */
export class Extensions1795611540000 implements MigrationInterface {
  name = 'Extensions1795611540000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pgcrypto"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "citext"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pg_trgm"`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "unaccent"`);
  }

  public async down(): Promise<void> {
    // Extensions may be shared with other schemas: leave them.
  }
}
