/**
 * The name search's SQL, shared with the names benchmark's EXPLAIN so both always run the same statements.
 *
 * Two stages over the folded `search_text` (name, company, representative; accents and case ignored by rd_fold):
 * 1. **Words** (what an agent types most of the time: the name as the caller spells it): every word of the query
 *    must be a whole word of the text, the LAST one as a prefix (the agent may still be typing it, or knows only
 *    its first letters): "Sophie Le" is `sophie & le…`. A GIN index (customer_accounts_search_words) on
 *    rd_name_vector(search_text), the text's `simple` tsvector plus every word's 1- to 10-letter prefixes as
 *    lexemes of their own (`^l`, `^le`, `^lef`…), answers it exactly, without recheck: a common first name with
 *    a rare surname costs the rare one, and a short last word is one posting list, which GIN intersects from the
 *    rarest side (a `le:*` prefix match would first merge every word starting with "le": 100k rows). Matches are
 *    ranked shortest text first (every candidate holds all the words: the fewer other letters, the closer the
 *    match: "Sophie Le" before "Sophie Lefebvre"; the ranking tests pass as they did with trigram similarity, which
 *    cost ~2.5 µs a candidate), at most NAME_CANDIDATES of them: a query matching more (a common first name alone) is too broad
 *    for the order among thousands to matter, and reading every one would cost the agent hundreds of milliseconds.
 * 2. **Similar spellings** (a typo, "Lefebvre" for "Lefèvre"), the fallback: strict word similarity ≥ 0.6 (`<<%`)
 *    on the GIN trigram index (customer_accounts_search_trgm). GIN can only count shared trigrams, so it merges
 *    the long posting lists of common trigrams and rechecks thousands of rows: it runs only when the first stage
 *    finds nothing and the last word is long enough to be a spelling (MIN_SPELLING_LETTERS), or when the agent asks
 *    for similar spellings.
 * The words stage is bounded by its plan: the GIN index only (rd_name_candidates forbids a sequential scan), at
 * most NAME_CANDIDATES rows read, a one-word search sampled (measured on 1M accounts: the slowest plan of 209
 * names 5.5 ms). It runs as one statement, outside any transaction: on this platform each statement's socket
 * writes cost more than the scan, and BEGIN, setup and COMMIT around it were 18 % of the search (issue 14).
 * The similar-spellings stage is not bounded (trigram posting lists merged and rechecked): it runs in a
 * transaction under NAME_SEARCH_TIMEOUT_MS (SEARCH_SETUP), and a search that would take longer is refused as too
 * broad ("refine your search") instead of holding the agent and a connection.
 * An exact customer-ID match on the same text comes first. Each row says how it was found (`match`: customer_id,
 * words, similar), for the agent to see.
 */
export const SEARCH_LIMIT = 25;

/** Words kept for the words stage: the first ones as typed, the last one kept as the prefix. */
const MAX_WORDS = 8;
/**
 * Matches of the words stage ranked at most (see above). Measured on 1M accounts: reading and ranking 200 of them
 * by trigram similarity was a fifth of a search's time in PostgreSQL; past a hundred matches the agent refines
 * the search anyway (issue 14).
 */
export const NAME_CANDIDATES = 100;
/**
 * A one-word search ("Thomas") matches tens of thousands of accounts: GIN must build the whole posting list's
 * bitmap before the candidates' LIMIT applies (6 ms for "Thomas", the slowest searches). PostgreSQL's
 * gin_fuzzy_search_limit makes such a scan return a random sample of about this many rows instead (2.3 ms); it
 * only applies when the index predicts more, so a rare word keeps all its matches. Never for several words: GIN
 * samples each word's list before intersecting them, so "Sophie Le" could lose the one exact match.
 */
export const ONE_WORD_SAMPLE = 1000;
/** A similar-spellings search taking longer is cancelled by PostgreSQL and refused as too broad. */
export const NAME_SEARCH_TIMEOUT_MS = 400;
/**
 * Prefixes up to this length are whole lexemes of the index (`^le`, see rd_name_vector in the NameSearchWords
 * migration): keep both equal.
 */
export const INDEXED_PREFIX = 10;

/**
 * Run first in the similar-spellings stage's transaction, for every statement after it until the commit: the
 * statement timeout, and no sequential scan (the planner would otherwise read the table from its start for a
 * broad query: fast when matches come early, hundreds of milliseconds when they do not).
 */
export const SEARCH_SETUP = `SELECT set_config('statement_timeout', '${NAME_SEARCH_TIMEOUT_MS}', true), set_config('enable_seqscan', 'off', true)`;

/** The words stage's sample for this query (wordsQuery's): ONE_WORD_SAMPLE for one word, else none (0). */
export function wordsSample(tsquery: string): number {
  return tsquery.includes(' & ') ? 0 : ONE_WORD_SAMPLE;
}

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout (query_canceled). */
export const QUERY_CANCELED = '57014';

/** Folds like rd_fold (lower case, no accents, ligatures spelt out), to count a word's letters as the index does. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæß]/g, (c) => ({ œ: 'oe', æ: 'ae', ß: 'ss' })[c]!);
}

/** The query's words, folded: letters and digits, anything else separates (as PostgreSQL's parser does). */
function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * Letters the last word needs for a search that found no account with all its words to go on to similar spellings
 * by itself. A shorter last word is a prefix being typed, not a spelling: it brings one or two trigrams of its own
 * against the other words' many, so the first name alone decides the trigram match and the fallback rechecks every
 * account with that first name ("Loïc Wr", no Loïc whose surname starts with "wr": 190-230 ms on 1M accounts, the
 * slowest name of the S2 workload, against 40-60 ms for every other; issue 14, 2026-12-02). Such a search answers
 * with what the words found (often nothing); the agent types on or asks for similar spellings (`similar`).
 */
export const MIN_SPELLING_LETTERS = 3;

/** Whether a search of `text` whose words stage found no account goes on to similar spellings unasked. */
export function fallsBackToSimilar(text: string): boolean {
  const words = wordsOf(text);
  return !words.length || [...words[words.length - 1]].length >= MIN_SPELLING_LETTERS;
}

/**
 * The tsquery of the words stage (rd_fold runs on it in SQL again, like on the column): the words (letters and
 * digits; anything else separates, as PostgreSQL's parser does) ANDed, the last one as a prefix: up to
 * INDEXED_PREFIX letters the index's own prefix lexeme (`'^le'`, one posting list that GIN intersects from the
 * rarest side), longer a prefix match (`'boulangeries':*`, few words start so). Null when the text has no word:
 * then only the similar-spellings stage can answer.
 */
export function wordsQuery(text: string): string | null {
  const words = wordsOf(text);
  if (!words.length) return null;
  const last = words[words.length - 1];
  const whole = [...new Set(words.slice(0, -1))].filter((w) => w !== last).slice(0, MAX_WORDS - 1);
  const prefix = [...last].length <= INDEXED_PREFIX ? `'^${last}'` : `'${last}':*`;
  return [...whole.map((w) => `'${w}'`), prefix].join(' & ');
}

/**
 * $1 the text as a customer ID, $2 wordsQuery(text), $3 wordsSample($2). Rows: id, match,
 * score (best first); the service reads the accounts in the same statement (withAccounts). The candidates come
 * from rd_name_candidates (the NameSearchCandidates migration): the index scan with its plan rule and sample.
 */
export const WORDS_SQL = `SELECT id, min(match) AS match, max(score) AS score FROM (
    SELECT id, 2.0 AS score, 'customer_id' AS match FROM customer_accounts WHERE customer_id = $1
    UNION ALL
    SELECT id, 1.0 / (1 + length(search_text)), 'words' FROM (
      SELECT id, search_text FROM rd_name_candidates(rd_fold($2)::tsquery, $3, ${NAME_CANDIDATES})
    ) c
  ) s GROUP BY id ORDER BY score DESC, id LIMIT ${SEARCH_LIMIT}`;

/** Run in the same transaction, before SIMILAR_SQL: `<<%` reads its threshold from this setting. */
export const SIMILAR_SETUP = `SET LOCAL pg_trgm.strict_word_similarity_threshold = 0.6`;

/** $1 the query text, $2 the text as a customer ID. Rows as WORDS_SQL's. */
export const SIMILAR_SQL = `SELECT id, min(match) AS match, max(score) AS score FROM (
    SELECT id, 2.0 AS score, 'customer_id' AS match FROM customer_accounts WHERE customer_id = $2
    UNION ALL
    SELECT id, strict_word_similarity(rd_fold($1), search_text), 'similar' FROM customer_accounts WHERE rd_fold($1) <<% search_text
  ) s GROUP BY id ORDER BY score DESC, id LIMIT ${SEARCH_LIMIT}`;

/**
 * A stage's statement with the accounts' columns (`columns`, qualified by `a`) read in the same statement, best
 * first, plus `match`: one round trip where reading them by id afterwards took two.
 */
export function withAccounts(stageSql: string, columns: string): string {
  return `SELECT ${columns}, h.match AS "searchMatch" FROM (${stageSql}) h JOIN customer_accounts a ON a.id = h.id ORDER BY h.score DESC, h.id`;
}
