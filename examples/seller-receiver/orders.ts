// What this seller does for each call, applied once per call (SEL-5). A call arrives again
// when the marketplace did not get (or could not check) our answer; it then carries the same
// activity, orderId and orderLineId, and gets the answer it got the first time, without the
// effect being applied twice. Replace applyOnce's bodies with your own provisioning.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Call } from './calls.js';

export type Answer = { resultCode: string; resultMsg: string; instanceId?: string; frontEndUrl?: string };

export type Instance = {
  instanceId: string;
  orderId: string;
  orderLineId: string;
  productCode: string;
  skuCode: string;
  accountId: string;
  regionId: string;
  lifecycle: 'active' | 'expired' | 'released';
  frozen: boolean;
  renewals: number;
  testOrder: boolean;
};

export type OrderBook = {
  /** activity:orderId:orderLineId → the successful answer given to that call. */
  answers: Map<string, Answer>;
  instances: Map<string, Instance>;
  /** orderLineId → how many times a call of that order line changed something. */
  effects: Map<string, number>;
};

const ok = (resultMsg: string, extra: Partial<Answer> = {}): Answer => ({ resultCode: '000000', resultMsg, ...extra });
const notFound = (instanceId: string | undefined): Answer => ({ resultCode: '000003', resultMsg: `instance not found: ${instanceId}` });

function load(dataFile: string | undefined): OrderBook {
  const book: OrderBook = { answers: new Map(), instances: new Map(), effects: new Map() };
  if (!dataFile || !fs.existsSync(dataFile)) return book;
  const saved = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as Record<keyof OrderBook, Record<string, never>>;
  for (const name of ['answers', 'instances', 'effects'] as const) {
    for (const [key, value] of Object.entries(saved[name] ?? {})) book[name].set(key, value);
  }
  return book;
}

/** Written before the answer leaves, and atomically (a temporary file renamed), so a crash never loses an applied order. */
function save(dataFile: string, book: OrderBook): void {
  fs.mkdirSync(path.dirname(path.resolve(dataFile)), { recursive: true });
  const json = JSON.stringify({
    answers: Object.fromEntries(book.answers),
    instances: Object.fromEntries(book.instances),
    effects: Object.fromEntries(book.effects),
  });
  fs.writeFileSync(`${dataFile}.tmp`, json);
  fs.renameSync(`${dataFile}.tmp`, dataFile);
}

export function createOrderBook(options: { dataFile?: string; frontEndBaseUrl?: string } = {}) {
  const book = load(options.dataFile);

  function countEffect(orderLineId: string): void {
    book.effects.set(orderLineId, (book.effects.get(orderLineId) ?? 0) + 1);
    if (options.dataFile) save(options.dataFile, book);
  }

  /** The buyer's instance, if it exists and was not released; another buyer's is "not found" too. */
  function liveInstance(call: Call): Instance | undefined {
    const instance = call.instanceId ? book.instances.get(call.instanceId) : undefined;
    return instance && instance.accountId === call.accountId && instance.lifecycle !== 'released' ? instance : undefined;
  }

  function applyOnce(call: Call): Answer {
    if (call.activity === 'newInstance') {
      const instanceId = `inst-${randomUUID()}`;
      const { orderId, orderLineId, productCode, skuCode, accountId, regionId, testOrder } = call;
      book.instances.set(instanceId, { instanceId, orderId, orderLineId, productCode, skuCode, accountId, regionId, lifecycle: 'active', frozen: false, renewals: 0, testOrder });
      const frontEndUrl = options.frontEndBaseUrl ? `${options.frontEndBaseUrl.replace(/\/$/, '')}/${instanceId}` : undefined;
      return ok('instance created', frontEndUrl ? { instanceId, frontEndUrl } : { instanceId });
    }
    const instance = liveInstance(call);
    if (!instance) return notFound(call.instanceId);
    switch (call.activity) {
      case 'refreshInstance':
        instance.renewals += 1;
        instance.lifecycle = 'active';
        return ok('renewed');
      case 'expireInstance':
        instance.lifecycle = 'expired';
        return ok('expired');
      case 'releaseInstance':
        instance.lifecycle = 'released';
        return ok('released');
      case 'upgradeInstance':
        instance.skuCode = call.skuCode;
        return ok('upgraded');
      default:
        return { resultCode: '000002', resultMsg: `unexpected activity ${call.activity}` };
    }
  }

  /**
   * Freezing sets a state rather than adding something, so it is idempotent by nature: a
   * repeat changes nothing, and a later freeze after an unfreeze still applies.
   */
  function setStatus(call: Call): Answer {
    const instance = liveInstance(call);
    if (!instance) return notFound(call.instanceId);
    const frozen = call.status === 'frozen';
    if (instance.frozen !== frozen) {
      instance.frozen = frozen;
      countEffect(call.orderLineId);
    }
    return ok(frozen ? 'frozen' : 'unfrozen');
  }

  return {
    book,
    apply(call: Call): Answer {
      if (call.activity === 'updateInstanceStatus') return setStatus(call);
      const key = `${call.activity}:${call.orderId}:${call.orderLineId}`;
      const earlier = book.answers.get(key);
      if (earlier) return earlier;
      const answer = applyOnce(call);
      // Only a success is remembered: a refusal (say, the instance not there yet) may succeed when retried.
      if (answer.resultCode === '000000') {
        book.answers.set(key, answer);
        countEffect(call.orderLineId);
      }
      return answer;
    },
  };
}
