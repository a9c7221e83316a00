/**
 * The name search's SQL, shared with the lookup benchmark's EXPLAIN so both always run the same statements.
 *
 * Two stages, both on the GIN trigram index over the folded `search_text` (name, company, representative;
 * accents and case ignored):
 * 1. **All words**: every word of 3+ characters must appear in the text (`LIKE '%word%'`, ANDed). GIN answers
 *    an AND of trigrams by walking the rarest posting lists first: ~1 ms for a common full name over a million
 *    accounts. This is what an agent types most of the time: the name as the caller spells it.
 * 2. **Similar spellings** (a typo, "Lefebvre" for "Lefèvre"): strict word similarity ≥ 0.6 (`<<%`). GIN can only
 *    count shared trigrams, so it merges the long posting lists of common trigrams and rechecks thousands of rows:
 *    ~30 ms for the same name, and far more under load. It runs when the first stage finds nothing, or when
 *    the agent asks for similar spellings.
 * Both rank by strict word similarity to the whole query; an exact customer-ID match on the same text comes first.
 * Each row says how it was found (`match`: customer_id, words, similar), for the agent to see.
 */
export const SEARCH_LIMIT = 25;

/** Words kept for the all-words stage: the longest (most selective) first. */
const MAX_WORDS = 6;
/** Shorter words give the trigram index nothing to look up: they only count in the ranking. */
const MIN_WORD = 3;

/**
 * `LIKE` patterns for the words of a query, wildcards escaped (the text is folded in SQL, like the column).
 * Empty when no word is long enough: then only the similar-spellings stage can answer.
 */
export function wordPatterns(text: string): string[] {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => [...w].length >= MIN_WORD),
    ),
  ];
  return words
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_WORDS)
    .map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** $1 the query text, $2 the text as a customer ID, $3… the word patterns. */
export function allWordsSql(words: number): string {
  if (words < 1) throw new Error('allWordsSql needs at least one word');
  const conditions = Array.from({ length: words }, (_, i) => `search_text LIKE rd_fold($${i + 3})`).join(' AND ');
  return `SELECT id, min(match) AS match FROM (
    SELECT id, 2.0 AS score, 'customer_id' AS match FROM customer_accounts WHERE customer_id = $2
    UNION ALL
    SELECT id, strict_word_similarity(rd_fold($1), search_text), 'words' FROM customer_accounts WHERE ${conditions}
  ) s GROUP BY id ORDER BY max(score) DESC, id LIMIT ${SEARCH_LIMIT}`;
}

/** Run in the same transaction, before SIMILAR_SQL: `<<%` reads its threshold from this setting. */
export const SIMILAR_SETUP = `SET LOCAL pg_trgm.strict_word_similarity_threshold = 0.6`;

/** $1 the query text, $2 the text as a customer ID. */
export const SIMILAR_SQL = `SELECT id, min(match) AS match FROM (
    SELECT id, 2.0 AS score, 'customer_id' AS match FROM customer_accounts WHERE customer_id = $2
    UNION ALL
    SELECT id, strict_word_similarity(rd_fold($1), search_text), 'similar' FROM customer_accounts WHERE rd_fold($1) <<% search_text
  ) s GROUP BY id ORDER BY max(score) DESC, id LIMIT ${SEARCH_LIMIT}`;
