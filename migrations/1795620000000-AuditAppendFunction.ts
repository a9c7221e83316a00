import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written: a function is not entity metadata. `audit_append` links an entry to the chain in one round trip:
 * it takes the chain lock, reads the last hash (a VOLATILE function takes a fresh snapshot for each statement, so
 * the read sees what the previous lock holder committed), hashes and inserts. The application still computes the
 * canonical text of the entry (`canonicalEntry`), which the verifier recomputes: the hash is
 * sha256(prev_hash || '\n' || canonical), as `chainHash` does. Called alone (autocommit) the lock is released with
 * the statement's own commit, so no application round trip ever sits inside the serialized section.
 */
export class AuditAppendFunction1795620000000 implements MigrationInterface {
  name = 'AuditAppendFunction1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_append(
        p_at timestamptz, p_actor_id uuid, p_actor_email text, p_actor_roles text[], p_action text, p_outcome text,
        p_target_type text, p_target_id text, p_case_id text, p_reason text, p_before jsonb, p_after jsonb,
        p_ip text, p_request_id text, p_canonical text
      ) RETURNS TABLE (id bigint, prev_hash text, hash text) LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        v_prev text;
      BEGIN
        PERFORM pg_advisory_xact_lock(7367001);
        SELECT e.hash INTO v_prev FROM audit_events e ORDER BY e.id DESC LIMIT 1;
        v_prev := coalesce(v_prev, repeat('0', 64));
        RETURN QUERY
        INSERT INTO audit_events AS e (at, actor_id, actor_email, actor_roles, action, outcome, target_type, target_id,
          case_id, reason, before, after, ip, request_id, prev_hash, hash)
        VALUES (p_at, p_actor_id, p_actor_email, p_actor_roles, p_action, p_outcome, p_target_type, p_target_id,
          p_case_id, p_reason, p_before, p_after, p_ip, p_request_id, v_prev,
          encode(sha256(convert_to(v_prev || E'\\n' || p_canonical, 'UTF8')), 'hex'))
        RETURNING e.id, e.prev_hash, e.hash;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION audit_append(timestamptz, uuid, text, text[], text, text, text, text, text, text, jsonb, jsonb, text, text, text)`,
    );
  }
}
