// Issue 15: marketplace search on PostgreSQL (pg_trgm) finds the products SQLite (FTS5 trigram)
// finds. The demo catalogue is indexed into both engines and each query below, run on both,
// must give the same products, and the same best match where SQLite's has a clear winner.
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProducts, seedSellers } from '../../db/seed/marketplace-data';
import { throwawayDatabase } from '../../tests/helpers/database';
import { throwawayPostgres } from '../../tests/helpers/postgres';
import { indexProduct, indexProductPg, matchProducts, matchProductsPg, type ProductText } from './product-search';

const { db } = throwawayDatabase();
const postgres = throwawayPostgres({ migrated: true });
let pool: pg.Pool;
const pgDb = () => drizzle(pool);

const sellerNames = new Map(seedSellers.map((s) => [s.key, s.name]));
const catalogue: ProductText[] = seedProducts.map((p) => ({ code: p.code, title: p.title, summary: p.summary, description: p.description, seller: sellerNames.get(p.seller)! }));

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: postgres.url(), max: 1 });
  for (const product of catalogue) {
    await indexProduct(db(), product);
    await indexProductPg(pgDb(), product);
  }
});

afterAll(async () => {
  await pool?.end();
});

// [what the query is, the query]; every one finds something but the last three.
const queries: [string, string][] = [
  ['an English word', 'nginx'],
  ['two English words', 'ubuntu nginx'],
  ['a word of one title and of other products\' texts', 'Prometheus'],
  ['another such word', 'OpenJDK'],
  ['a third such word', 'Kafka'],
  ['a 2-character word (substring scan)', 'AI'],
  ['a 1-character word with a long one', 'Debian 7'],
  ['a Chinese 2-character word', '镜像'],
  ['a Chinese 3-character word from a title', '堡垒机'],
  ['a Chinese 4-character word from a title', '加固镜像'],
  ['a Chinese word from a summary', '故障切换'],
  ['Chinese and English together', 'PostgreSQL 高可用'],
  ['Chinese and English in one word', '宝塔Linux'],
  ['a 2-character Chinese word and an English word', 'Linux 面板'],
  ['full-width punctuation', '（北京时间）'],
  ['a word with %', '60%'],
  ['% alone', '%'],
  ['a word with _', 'zh_CN'],
  ['a word in quotes (the quotes are dropped)', '"redis"'],
  ['a quote inside a word', '"$(cat'],
  ['upper case', 'MYSQL'],
  ['mixed case, Chinese and English', 'OLLAMA 大模型'],
  ['a word only in a description', 'wwwroot'],
  ['a word of a seller name', 'Tiedun'],
  ['more than 8 words (the first 8 count)', 'LNMP Stack Nginx MySQL PHP Ubuntu 22.04 web nothing-like-this'],
  ['8 words, one of them short', 'on Ubuntu 22.04 Nginx MySQL PHP LNMP Stack'],
  ['_ as a character, not a wildcard (else it finds PHP)', 'ph_'],
  ['no match', 'kubernetes-operator-nowhere'],
  ['FTS syntax', '"AND OR NEAR('],
];

/** The one product whose title holds every word, if SQLite ranks it first: a clear winner. */
function clearWinner(query: string, ranked: string[]): string | undefined {
  const words = query.split(/\s+/).slice(0, 8).map((w) => w.replaceAll('"', '').toLowerCase());
  const inTitle = ranked.filter((code) => words.every((w) => catalogue.find((p) => p.code === code)!.title.toLowerCase().includes(w)));
  return inTitle.length === 1 && inTitle[0] === ranked[0] ? ranked[0] : undefined;
}

describe('issue 15: search on PostgreSQL (pg_trgm) finds what SQLite (FTS5 trigram) finds', () => {
  it.each(queries)('%s: %s', async (_, query) => {
    const onSqlite = [...(await matchProducts(db(), query)).keys()];
    const onPostgres = [...(await matchProductsPg(pgDb(), query)).keys()];
    expect(onPostgres.toSorted()).toEqual(onSqlite.toSorted());
    const winner = clearWinner(query, onSqlite);
    if (winner) expect(onPostgres[0]).toBe(winner);
  });

  it('finds something for every query but the last three, and has clear winners among several products', async () => {
    const found = await Promise.all(queries.map(async ([, q]) => [...(await matchProducts(db(), q)).keys()]));
    expect(found.slice(0, -3).every((codes) => codes.length > 0)).toBe(true);
    expect(found.slice(-3)).toEqual([[], [], []]);
    // The best-match comparison above is not vacuous.
    expect(queries.filter(([, q], i) => found[i].length > 1 && clearWinner(q, found[i])).length).toBeGreaterThanOrEqual(3);
  });

  it('looks words of 3+ characters up in the trigram indexes, Chinese ones too', async () => {
    const client = await pool.connect();
    try {
      let statement = { sql: '', params: [] as unknown[] };
      const logged = drizzle(client, { logger: { logQuery: (sql, params) => void (statement = { sql, params }) } });
      // 50 rows read faster than any index: the planner is told to avoid a scan, to show the index serves.
      await client.query('SET enable_seqscan = off');
      for (const query of ['堡垒机', 'nginx', 'Linux 面板']) {
        await matchProductsPg(logged, query);
        const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(plan, query).toContain('Bitmap Index Scan on products_search_title_trgm_idx');
        expect(plan, query).not.toContain('Seq Scan');
      }
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });

  it('takes a re-indexed product as it now reads, on both engines', async () => {
    const product = { ...catalogue[0], title: '全新标题 Renamed' };
    await indexProduct(db(), product);
    await indexProductPg(pgDb(), product);
    for (const query of ['全新标题', 'LNMP Stack']) {
      expect([...(await matchProductsPg(pgDb(), query)).keys()].toSorted()).toEqual([...(await matchProducts(db(), query)).keys()].toSorted());
    }
    expect([...(await matchProductsPg(pgDb(), '全新标题')).keys()]).toEqual([product.code]);
    await indexProduct(db(), catalogue[0]);
    await indexProductPg(pgDb(), catalogue[0]);
  });
});
