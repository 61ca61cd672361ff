// ADM-3: the audit log, read by the operator with filters.
import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, users } from '../../db/schema';
import type { Actor } from '../domain/actor';
import { authorize } from '../domain/permissions';
import { parseInput } from '../domain/validation';
import { read } from './transaction';
import { parsePaging } from '../domain/paging';
import { likeIgnoringCase } from '../../db/portable';
import { containsPattern } from '../domain/list-query';

const DAY_MS = 86_400_000;

const querySchema = z.object({
  accountId: z.string().trim().max(32).optional(),
  action: z.string().trim().max(64).optional(),
  target: z.string().trim().max(128).optional(),
  requestId: z.string().trim().max(64).optional(),
  outcome: z.enum(['ok', 'error']).optional(),
  /** Whole days (UTC+8), YYYY-MM-DD, inclusive. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export type AuditQuery = z.input<typeof querySchema> & { page?: unknown; pageSize?: unknown };

export async function listAudit(actor: Actor, query: AuditQuery = {}) {
  authorize(actor, 'audit.read');
  const q = { ...parseInput(querySchema, Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined)), {}), ...parsePaging(query, { defaultPageSize: 50 }) };
  const filters: SQL[] = [];
  if (q.accountId) filters.push(eq(auditLog.accountId, q.accountId));
  if (q.action) filters.push(likeIgnoringCase(auditLog.action, containsPattern(q.action)));
  if (q.target) filters.push(likeIgnoringCase(auditLog.target, containsPattern(q.target)));
  if (q.requestId) filters.push(eq(auditLog.requestId, q.requestId));
  if (q.outcome) filters.push(eq(auditLog.outcome, q.outcome));
  // Days are China days (UTC+8), as everywhere in the console.
  if (q.from) filters.push(gte(auditLog.at, new Date(`${q.from}T00:00:00+08:00`)));
  if (q.to) filters.push(lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY_MS)));
  const where = filters.length ? and(...filters) : undefined;
  return await read(async (db) => {
    const total = (await db.select({ n: count() }).from(auditLog).where(where).limit(1)).at(0)?.n ?? 0;
    const items = await db
      .select({ entry: auditLog, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return { items, total, page: q.page, pageSize: q.pageSize };
  });
}
