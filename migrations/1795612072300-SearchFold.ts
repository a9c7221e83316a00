import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: a function is not entity metadata. rd_fold lowers and strips accents; unaccent() itself is only
 * STABLE, so this wrapper names its dictionary to be IMMUTABLE and usable in a generated column and an index.
 */
export class SearchFold1795612072300 implements MigrationInterface {
  name = 'SearchFold1795612072300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION rd_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION rd_fold(text)`);
  }
}
