// Reads the JSON body of a call (docs/seller-interface.md, "Body"). Anything it refuses is
// answered 000002 with the reason, so the marketplace's delivery log says what was wrong.

export const activities = ['newInstance', 'refreshInstance', 'expireInstance', 'releaseInstance', 'upgradeInstance', 'updateInstanceStatus'] as const;
export type Activity = (typeof activities)[number];

export type Call = {
  activity: Activity;
  orderId: string;
  orderLineId: string;
  instanceId?: string;
  productCode: string;
  skuCode: string;
  accountId: string;
  regionId: string;
  period: { unit: 'month' | 'year'; count: number } | null;
  amountFen: number;
  status?: 'frozen' | 'normal';
  testOrder: boolean;
};

type Read = { ok: true; call: Call } | { ok: false; message: string };

const requiredText = ['orderId', 'orderLineId', 'productCode', 'skuCode', 'accountId', 'regionId'] as const;

function isPeriod(value: unknown): value is Call['period'] {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const { unit, count } = value as Record<string, unknown>;
  return (unit === 'month' || unit === 'year') && Number.isInteger(count) && (count as number) >= 1;
}

export function readCall(body: string): Read {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: 'body is not JSON' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'body is not a JSON object' };
  const fields = json as Record<string, unknown>;
  const activity = fields.activity;
  if (!activities.includes(activity as Activity)) return { ok: false, message: `unknown activity: ${String(activity).slice(0, 40)}` };
  for (const name of requiredText) {
    const value = fields[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 128) return { ok: false, message: `${name} must be a non-empty string` };
  }
  const instanceId = fields.instanceId;
  if (instanceId !== undefined && (typeof instanceId !== 'string' || instanceId.length === 0)) return { ok: false, message: 'instanceId must be a non-empty string' };
  if (activity !== 'newInstance' && instanceId === undefined) return { ok: false, message: `${activity} needs instanceId` };
  const period = fields.period ?? null;
  if (!isPeriod(period)) return { ok: false, message: 'period must be null or { unit: "month" | "year", count: integer >= 1 }' };
  if (!Number.isSafeInteger(fields.amountFen) || (fields.amountFen as number) < 0) return { ok: false, message: 'amountFen must be an integer >= 0' };
  const status = fields.status;
  if (activity === 'updateInstanceStatus' && status !== 'frozen' && status !== 'normal') return { ok: false, message: 'status must be "frozen" or "normal"' };
  if (fields.testOrder !== undefined && typeof fields.testOrder !== 'boolean') return { ok: false, message: 'testOrder must be a boolean' };
  const text = (name: (typeof requiredText)[number]) => fields[name] as string;
  return {
    ok: true,
    call: {
      activity: activity as Activity,
      orderId: text('orderId'),
      orderLineId: text('orderLineId'),
      instanceId: instanceId as string | undefined,
      productCode: text('productCode'),
      skuCode: text('skuCode'),
      accountId: text('accountId'),
      regionId: text('regionId'),
      period,
      amountFen: fields.amountFen as number,
      status: activity === 'updateInstanceStatus' ? (status as Call['status']) : undefined,
      testOrder: fields.testOrder === true,
    },
  };
}
