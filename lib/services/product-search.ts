// The only module that touches the products_fts table (SQLite FTS5, trigram tokenizer).
// Everything else asks it for matching product codes.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Tx } from './transaction';

export type ProductText = { code: string; title: string; summary: string; description: string; seller: string };

export function indexProduct(tx: Db | Tx, product: ProductText): void {
  tx.run(sql`DELETE FROM products_fts WHERE code = ${product.code}`);
  tx.run(sql`INSERT INTO products_fts (code, title, summary, description, seller) VALUES (${product.code}, ${product.title}, ${product.summary}, ${product.description}, ${product.seller})`);
}

/** Words of the query, each quoted so FTS syntax in user input is taken literally. */
function terms(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8)
    .map((term) => term.replaceAll('"', ''));
}

/**
 * Product codes matching every word of the query, best first (bm25, title weighted highest).
 * Trigram matching needs three characters; shorter words fall back to a substring scan.
 */
export function matchProducts(db: Db | Tx, query: string): Map<string, number> {
  const words = terms(query).filter(Boolean);
  if (words.length === 0) return new Map();
  let rows: { code: string; rank: number }[];
  if (words.every((w) => [...w].length >= 3)) {
    const match = words.map((w) => `"${w}"`).join(' ');
    rows = db.all(sql`SELECT code, bm25(products_fts, 0, 10.0, 4.0, 1.0, 2.0) AS rank FROM products_fts WHERE products_fts MATCH ${match} ORDER BY rank`);
  } else {
    const conditions = words.map((w) => sql`(title || ' ' || summary || ' ' || description || ' ' || seller) LIKE ${`%${w.replace(/[%_\\]/g, '\\$&')}%`} ESCAPE '\\'`);
    rows = db.all(sql`SELECT code, 0 AS rank FROM products_fts WHERE ${sql.join(conditions, sql` AND `)}`);
  }
  return new Map(rows.map((r, i) => [r.code, i]));
}
