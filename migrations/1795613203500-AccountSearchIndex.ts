import { MigrationInterface, QueryRunner } from 'typeorm';

/** Hand-written: TypeORM cannot declare a GIN index with an operator class (`@Index(..., { synchronize: false })`). */
export class AccountSearchIndex1795613203500 implements MigrationInterface {
  name = 'AccountSearchIndex1795613203500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX customer_accounts_search_trgm ON customer_accounts USING gin (search_text gin_trgm_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX customer_accounts_search_trgm`);
  }
}
