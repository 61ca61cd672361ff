// The only module that touches the search tables: products_fts on SQLite (FTS5, trigram
// tokenizer) and products_search on PostgreSQL (pg_trgm, issue 15). Everything else asks it for
// matching product codes. Both engines take the same words (terms) and give the same products.
// indexProduct and matchProducts take the connection of either engine and dispatch on it.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { isPostgres, type Db } from '../../db/client';
import type { Tx } from './transaction';

export type ProductText = { code: string; title: string; summary: string; description: string; seller: string };

/** A node-postgres Drizzle database or one of its transactions. */
type PgDb = Pick<NodePgDatabase, 'execute'>;

/** The title counts most: bm25's column weights on SQLite, a matching column's score on PostgreSQL. */
const WEIGHTS = { title: 10, summary: 4, description: 1, seller: 2 } as const;
const COLUMNS = Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[];

/** A trigram needs three characters: a shorter word is found by a substring scan instead. */
const TRIGRAM = 3;
const indexable = (word: string) => [...word].length >= TRIGRAM;

export async function indexProduct(tx: Db | Tx, product: ProductText): Promise<void> {
  if (isPostgres(tx as Db)) return await indexProductPg(tx as unknown as PgDb, product);
  await tx.run(sql`DELETE FROM products_fts WHERE code = ${product.code}`);
  await tx.run(sql`INSERT INTO products_fts (code, title, summary, description, seller) VALUES (${product.code}, ${product.title}, ${product.summary}, ${product.description}, ${product.seller})`);
}

/**
 * The text is kept lower-cased by PostgreSQL's lower(), as ILIKE lower-cases both sides on every
 * row it compares: a plain LIKE on the kept text finds the same, several times faster.
 */
export async function indexProductPg(db: PgDb, product: ProductText): Promise<void> {
  await db.execute(
    sql`INSERT INTO products_search (code, title, summary, description, seller) VALUES (${product.code}, lower(${product.title}), lower(${product.summary}), lower(${product.description}), lower(${product.seller}))
      ON CONFLICT (code) DO UPDATE SET title = excluded.title, summary = excluded.summary, description = excluded.description, seller = excluded.seller`,
  );
}

/** Words of the query; quotes are dropped, so FTS syntax in user input is taken literally. */
function terms(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .slice(0, 8)
    .map((term) => term.replaceAll('"', ''))
    .filter(Boolean);
}

/** `%word%` with LIKE's own characters taken literally (ESCAPE '\'). */
const substring = (word: string) => `%${word.replace(/[%_\\]/g, '\\$&')}%`;
/** All the searched text of a row: a word (never holding a space) cannot match across two columns. */
const allText = sql`(title || ' ' || summary || ' ' || description || ' ' || seller)`;

/**
 * Product codes matching every word of the query (case-insensitive substrings of the title,
 * summary, description or seller), best first (bm25, title weighted highest).
 * Trigram matching needs three characters; shorter words fall back to a substring scan.
 */
export async function matchProducts(db: Db | Tx, query: string): Promise<Map<string, number>> {
  if (isPostgres(db as Db)) return await matchProductsPg(db as unknown as PgDb, query);
  const words = terms(query);
  if (words.length === 0) return new Map();
  let rows: { code: string; rank: number }[];
  if (words.every(indexable)) {
    const match = words.map((w) => `"${w}"`).join(' ');
    const weights = sql.raw(COLUMNS.map((c) => WEIGHTS[c].toFixed(1)).join(', '));
    rows = await db.all(sql`SELECT code, bm25(products_fts, 0, ${weights}) AS rank FROM products_fts WHERE products_fts MATCH ${match} ORDER BY rank`);
  } else {
    const conditions = words.map((w) => sql`${allText} LIKE ${substring(w)} ESCAPE '\\'`);
    rows = await db.all(sql`SELECT code, 0 AS rank FROM products_fts WHERE ${sql.join(conditions, sql` AND `)}`);
  }
  return new Map(rows.map((r, i) => [r.code, i]));
}

/**
 * matchProducts on PostgreSQL: the same products. A word of 3+ characters is looked up in each
 * column's trigram index (LIKE '%word%' is an index search with gin_trgm_ops); a shorter one has
 * no trigram and filters the rows the others found, or scans. Best first: the weighted sum of the
 * columns each word is found in, then the shorter title (as bm25 favours shorter text).
 */
export async function matchProductsPg(db: PgDb, query: string): Promise<Map<string, number>> {
  const words = terms(query);
  if (words.length === 0) return new Map();
  const like = (text: SQLWrapper, word: string) => sql`${text} LIKE lower(${substring(word)}) ESCAPE '\\'`;
  const found = (column: string, word: string) => like(sql.identifier(column), word);
  const conditions = words.map((w) => (indexable(w) ? sql`(${sql.join(COLUMNS.map((c) => found(c, w)), sql` OR `)})` : like(allText, w)));
  const score: SQL[] = words.flatMap((w) => COLUMNS.map((c) => sql`CASE WHEN ${found(c, w)} THEN ${sql.raw(String(WEIGHTS[c]))} ELSE 0 END`));
  const { rows } = await db.execute<{ code: string }>(
    sql`SELECT code FROM products_search WHERE ${sql.join(conditions, sql` AND `)} ORDER BY ${sql.join(score, sql` + `)} DESC, length(title), code`,
  );
  return new Map(rows.map((r, i) => [r.code, i]));
}
