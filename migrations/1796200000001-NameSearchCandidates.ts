import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: a function is not entity metadata.
 *
 * The name search's words stage in one statement (server/accounts/name-search.ts). Its plan rule (never a
 * sequential scan: the planner would read the table from its start for a broad query under the LIMIT) and the
 * one-word sample (gin_fuzzy_search_limit) were set with set_config in a transaction around the query: BEGIN,
 * setup, query, COMMIT, four statements where one does, and on this platform each statement's socket writes cost
 * more than the index scan (measured: the search 18 % faster as one statement). The function's SET clauses hold
 * the settings for its own run only and restore them after; the sample is set inside, for this call.
 */
export class NameSearchCandidates1796200000001 implements MigrationInterface {
  name = 'NameSearchCandidates1796200000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION rd_name_candidates(q tsquery, sample integer, n integer) RETURNS TABLE (id uuid, search_text text)
      LANGUAGE plpgsql STABLE
      SET enable_seqscan = off
      SET gin_fuzzy_search_limit = 0
      AS $$
      BEGIN
        PERFORM set_config('gin_fuzzy_search_limit', sample::text, true);
        RETURN QUERY SELECT c.id, c.search_text FROM customer_accounts c WHERE rd_name_vector(c.search_text) @@ q LIMIT n;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION rd_name_candidates(tsquery, integer, integer)`);
  }
}
