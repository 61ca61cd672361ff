// Statements of the background hot paths (the hourly sweep) prepared once per connection: building
// and compiling a Drizzle statement costs far more than running it (issue 13's profile).
import type { Statement } from 'better-sqlite3';
import { getDb } from '../../db/client';

const cache = new WeakMap<object, Map<string, Statement>>();

export function prepared(source: string): Statement {
  const client = getDb().$client;
  let statements = cache.get(client);
  if (!statements) cache.set(client, (statements = new Map()));
  let statement = statements.get(source);
  if (!statement) statements.set(source, (statement = client.prepare(source)));
  return statement;
}
