// Issue 12: the authorization matrix (matrix.ts) as generated tests, and the rule that every
// use case of lib/services and every ECS API action has a row.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.STRATUS_MODE = 'test';
  process.env.STRATUS_STORAGE_DIR = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'stratus-authz-'));
});

import { clock } from '../../lib/clock';
import type { Actor } from '../../lib/domain/actor';
import { CloudError } from '../../lib/domain/errors';
import { newRequestId } from '../../lib/domain/ids';
import { v1Signature } from '../../lib/domain/signatures';
import { actions } from '../../lib/ecs-api/actions';
import { ESS_VERSION, MARKET_VERSION } from '../../lib/ecs-api/dialects';
import { essActions } from '../../lib/ecs-api/ess-actions';
import { marketActions } from '../../lib/ecs-api/market-actions';
import { handleEcsRequest } from '../../lib/ecs-api/handle';
import { createAccessKey } from '../../lib/services/access-keys';
import { throwawayDatabase } from '../helpers/database';
import { apiRefusals, apiRows, essApiRows, marketApiRows, notUseCases, serviceRows, type Outcome } from './matrix';
import { actorNames, buildWorld, type Who, type World } from './world';

throwawayDatabase();
let w: World;
const keys = new Map<Who, { accessKeyId: string; accessKeySecret: string }>();
beforeAll(async () => {
  w = await buildWorld();
  for (const who of actorNames) keys.set(who, await createAccessKey(w.actors[who]));
}, 120_000);

const servicesDir = path.join(import.meta.dirname, '../../lib/services');
const serviceModules = fs.readdirSync(servicesDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const apiActionNames = (): string[] => (actions instanceof Map ? [...(actions as Map<string, unknown>).keys()] : Object.keys(actions));

async function exportedFunctions(): Promise<string[]> {
  const names: string[] = [];
  for (const file of serviceModules) {
    const module: Record<string, unknown> = await import(path.join(servicesDir, file));
    for (const [name, value] of Object.entries(module)) if (typeof value === 'function') names.push(name);
  }
  return names;
}

describe('issue 12: every use case and every API action has a row in the authorization matrix', () => {
  it('every exported function of lib/services is a row or a listed non-use-case, and no row is stale', async () => {
    const exported = await exportedFunctions();
    expect(exported.filter((name) => !serviceRows.has(name) && !notUseCases.has(name)), 'functions without a row in tests/authz/matrix.ts').toEqual([]);
    expect(exported.filter((name) => serviceRows.has(name) && notUseCases.has(name)), 'both a row and a non-use-case').toEqual([]);
    expect([...serviceRows.keys(), ...notUseCases].filter((name) => !exported.includes(name)), 'rows for functions that are gone').toEqual([]);
  });

  it('every ECS API action has a row, and no row is stale', () => {
    const names = apiActionNames();
    expect(names.filter((name) => !apiRows.has(name)), 'actions without a row in tests/authz/matrix.ts').toEqual([]);
    expect([...apiRows.keys()].filter((name) => !names.includes(name)), 'rows for actions that are gone').toEqual([]);
  });

  it('every Marketplace API action (issue 18) has a row, and no row is stale', () => {
    expect([...marketActions.keys()].sort()).toEqual([...marketApiRows.keys()].sort());
  });

  it('every Auto Scaling API action (MKT-9) has a row, and no row is stale', () => {
    expect([...essActions.keys()].sort()).toEqual([...essApiRows.keys()].sort());
  });
});

/** What the answer must not carry: ids of things this actor may not see. */
function leaked(who: Who, answer: unknown): string[] {
  const text = JSON.stringify(answer) ?? '';
  return w.visibleTo.filter(([id, readers]) => !readers.includes(who) && text.includes(id)).map(([id]) => id);
}

const actorFor = (who: Who): Actor => ({ ...w.actors[who], requestId: newRequestId() });

async function outcomeOf(work: () => unknown): Promise<{ result?: unknown; code?: string }> {
  try {
    return { result: await work() };
  } catch (error) {
    if (error instanceof CloudError) return { code: error.code };
    throw error;
  }
}

describe('issue 12: the authorization matrix, use cases × actors', () => {
  for (const [name, [cells, call, done]] of serviceRows) {
    for (const who of actorNames) {
      const expected: Outcome = cells[who];
      it(`${name} as ${who}: ${expected}`, async () => {
        const { result, code } = await outcomeOf(() => call(actorFor(who), w));
        if (expected !== 'ok' && expected !== 'ignored') return expect(code).toBe(expected);
        expect(code, 'refused').toBeUndefined();
        if (done) expect(done(result), 'took effect').toBe(expected === 'ok');
        expect(leaked(who, result), 'answered with ids this actor may not see').toEqual([]);
      });
    }
  }
});

const timestamp = () => clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

function apiRequest(params: Record<string, string>, key: { accessKeyId: string; accessKeySecret: string } | null): Request {
  const all: Record<string, string> = { Format: 'JSON', Version: '2014-05-26', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0', SignatureNonce: crypto.randomUUID(), Timestamp: timestamp(), ...params };
  if (key) all.AccessKeyId = key.accessKeyId;
  const query = key ? { ...all, Signature: v1Signature(key.accessKeySecret, 'GET', all) } : all;
  return new Request(`http://127.0.0.1/api/ecs?${new URLSearchParams(query)}`);
}

const callers = [...actorNames, 'anonymous', 'invalidKey'] as const;

describe.each([
  ['ECS', apiRows, {}],
  ['Marketplace (issue 18)', marketApiRows, { Version: MARKET_VERSION }],
  ['Auto Scaling (MKT-9)', essApiRows, { Version: ESS_VERSION }],
] as const)('issue 12: the authorization matrix, %s API actions × callers', (_dialect, rows, version) => {
  for (const [action, [cells, paramsOf]] of rows) {
    for (const caller of callers) {
      const expected: Outcome = caller === 'anonymous' || caller === 'invalidKey' ? apiRefusals[caller] : cells[caller];
      it(`${action} as ${caller}: ${expected}`, async () => {
        const params = { Action: action, ...(await paramsOf(w)), ...version };
        const key = caller === 'anonymous' ? null : caller === 'invalidKey' ? { accessKeyId: 'LTAI0000000000000000unknown', accessKeySecret: 'x' } : keys.get(caller)!;
        const response = await handleEcsRequest(apiRequest(params, key));
        const body = await response.json();
        if (expected !== 'ok') {
          expect(body.Code).toBe(expected);
          return expect(response.status).toBeGreaterThanOrEqual(400);
        }
        // An error carries HostId; a success may carry a Code of its own (DescribeProduct's product code).
        expect([response.status, body.HostId]).toEqual([200, undefined]);
        if (caller !== 'anonymous' && caller !== 'invalidKey') expect(leaked(caller, body), 'answered with ids this caller may not see').toEqual([]);
      });
    }
  }
});

it('issue 12: the figures of the matrix', () => {
  const serviceCases = serviceRows.size * actorNames.length;
  const apiCases = (apiRows.size + marketApiRows.size + essApiRows.size) * callers.length;
  console.info(`authz matrix: ${serviceRows.size} use cases × ${actorNames.length} actors = ${serviceCases} cases; ${apiRows.size + marketApiRows.size + essApiRows.size} API actions × ${callers.length} callers = ${apiCases} cases; ${serviceCases + apiCases} in all`);
  expect(serviceCases + apiCases).toBeGreaterThan(0);
});
