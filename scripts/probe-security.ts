// The issue-12 items checked the way a user or an attacker would: against a RUNNING server,
// from outside, with HTTP (fetch) and, where a browser is needed (sign-in forms, server
// actions), Chromium. It imports nothing from lib/: what it knows of the server is what
// README.md, docs/security.md, docs/api.md and docs/payments.md say.
//
//   npx tsx scripts/probe-security.ts --base http://127.0.0.1:3000
//       [--payment-secret S]   (or STRATUS_PAYMENT_SECRET: enables the gateway checks)
//       [--admin-email E --admin-password P]   (an admin the operator made with `npm run admin -- grant`)
//
// The server must run in production mode with its default platform settings and
// STRATUS_TRUSTED_PROXY=1, as behind a proxy: the probe plays that proxy, giving each browser
// context an address of its own in X-Forwarded-For. The probe signs
// up two fresh users of its own (and uses the admin, if given). It prints one line per check
// and `probe: N passed, N failed`; the exit code is 1 on any failure.
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import Ecs, * as $Ecs from '@alicloud/ecs20140526';
import * as $OpenApi from '@alicloud/openapi-client';

// ---------------------------------------------------------------- arguments and reporting

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const base = (arg('base') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const origin = new URL(base).origin;
const paymentSecret = arg('payment-secret') ?? process.env.STRATUS_PAYMENT_SECRET;
const adminEmail = arg('admin-email');
const adminPassword = arg('admin-password');
const PASSWORD = `probe-${randomBytes(6).toString('hex')}-pw`;
const runTag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;

let passed = 0;
let failed = 0;
const skipped: string[] = [];

function check(name: string, ok: boolean, seen: string): boolean {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${seen}`);
  return ok;
}

function skip(name: string, why: string) {
  skipped.push(name);
  console.log(`SKIP ${name}: ${why}`);
}

/** Runs one group; a crash inside it is one failure, not the end of the probe. */
async function group(name: string, work: () => Promise<void>) {
  console.log(`\n# ${name}`);
  try {
    await work();
  } catch (error) {
    check(`${name} (ran to the end)`, false, `the probe stopped here: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

const short = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n)}…` : s);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client address of its own per browser context (TEST-NET-2), so the per-address limits of one run do not touch the next. */
let addressCounter = 0;
const runOctet = randomBytes(1)[0];
const freshAddress = () => `198.51.${runOctet}.${(++addressCounter % 250) + 1}`;

// ---------------------------------------------------------------- browser helpers

let browser: Browser;
const cspViolations: string[] = [];
/** Every request the browser tried to make to another origin. */
const offSite: string[] = [];

async function newContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, locale: 'en-US', extraHTTPHeaders: { 'x-forwarded-for': freshAddress() } });
  // Nothing may leave the site: any other host answers with a marker page, so a redirect there is seen, not a DNS error.
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      offSite.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<h1>evil.example: phished</h1>' });
    },
  );
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) cspViolations.push(`${page.url()}: ${short(m.text())}`);
  });
  return { context, page };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle').catch(() => {});
}

async function signUp(page: Page, tag: string): Promise<string> {
  const email = `probe-${tag}-${runTag}@example.test`;
  await page.goto('/sign-up');
  await settle(page);
  await page.getByLabel('Your name').fill(`Probe ${tag}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-up'), { timeout: 20_000 }).catch(async () => {
    const alert = await page.getByRole('alert').allTextContents().catch(() => []);
    throw new Error(`sign-up of ${email} stayed on ${page.url()} ${alert.join(' ')}`);
  });
  await settle(page);
  return email;
}

/** Fills the sign-in form and submits; returns the page's URL once it left /sign-in, or the error shown. */
async function submitSignIn(page: Page, email: string, password: string): Promise<{ left: boolean; url: string; error: string }> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const away = page.waitForURL((u) => u.origin !== origin || !u.pathname.startsWith('/sign-in'), { timeout: 15_000 }).then(() => true, () => false);
  // The form's own error box (Next's route announcer is a role=alert too, outside the form).
  const formError = page.locator('form [role="alert"]').first();
  const refused = formError.waitFor({ timeout: 15_000 }).then(() => false, () => false);
  let left = await Promise.race([away, refused]);
  if (!left) left = await Promise.race([away, sleep(500).then(() => false)]); // an error box, then a late navigation?
  const error = left ? '' : ((await formError.textContent({ timeout: 2_000 }).catch(() => '')) ?? '');
  return { left, url: page.url(), error: error.trim() };
}

async function signOut(page: Page) {
  if (new URL(page.url()).origin !== origin || !page.url().includes('/console')) await page.goto('/console/instances');
  await settle(page);
  await page.getByRole('button', { name: 'Account' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.waitForURL((u) => u.pathname.startsWith('/sign-in'), { timeout: 10_000 });
}

/** The wallet as the Billing page shows it, in fen. */
async function billingBalance(page: Page): Promise<number> {
  await page.goto('/console/billing');
  const text = (await page.getByTestId('billing-balance').textContent()) ?? '';
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text);
  if (!match) throw new Error(`no balance on the Billing page: "${text}"`);
  return (match[1] ? -1 : 1) * (Number(match[2].replaceAll(',', '')) * 100 + Number(match[3]));
}

async function accountIdOf(page: Page): Promise<string> {
  await page.goto('/console/instances');
  await settle(page);
  await page.getByRole('button', { name: 'Account' }).click();
  const id = ((await page.getByRole('menu').locator('code').first().textContent()) ?? '').trim();
  await page.keyboard.press('Escape');
  if (!/^\d{16}$/.test(id)) throw new Error(`no 16-digit account id in the account menu: "${id}"`);
  return id;
}

/** The server actions (name → id) the scripts of the page now open name, as an attacker reads them. */
async function serverActionsOf(page: Page): Promise<Map<string, string>> {
  const sources = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
  const found = new Map<string, string>();
  for (const src of sources) {
    const js = await (await fetch(src)).text();
    for (const m of js.matchAll(/createServerReference\)?\("([0-9a-f]{40,})",[^"]*?"(\w+)"\)/g)) found.set(m[2], m[1]);
  }
  // Actions a server page hands to its forms travel in the page's own flight data, by id only.
  const known = new Set(found.values());
  const html = await page.content();
  const path = new URL(page.url()).pathname;
  for (const m of html.matchAll(/\\?"id\\?":\\?"([0-9a-f]{40,})\\?"/g)) {
    if (!known.has(m[1])) {
      known.add(m[1]);
      found.set(`${path}'s form action ${m[1].slice(0, 8)}`, m[1]);
    }
  }
  return found;
}

async function createAccessKey(page: Page): Promise<{ id: string; secret: string }> {
  await page.goto('/console/access-keys');
  await settle(page);
  await page.getByRole('button', { name: 'Create AccessKey' }).click();
  const id = ((await page.getByTestId('new-key-id').textContent({ timeout: 10_000 })) ?? '').trim();
  const secret = ((await page.getByTestId('new-key-secret').textContent()) ?? '').trim();
  if (!id || !secret) throw new Error('the new AccessKey was not shown');
  return { id, secret };
}

// Arguments the UI never sends: prototype names, wrong types, nothing at all.
const junkPayloads: unknown[][] = [['__proto__', 'constructor', 'valueOf'], [{ length: 1 }, 7, [null]], []];
/** Calls a server action by its id with each junk argument list: every answer must be an ordinary refusal, never a server error. */
async function junk(page: Page, name: string, id: string, path: string) {
  const failures: string[] = [];
  for (const args of junkPayloads) {
    const answer = await page.evaluate(
      async ({ id, args, path }) => {
        const r = await fetch(path, { method: 'POST', headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' }, body: JSON.stringify(args) });
        return { status: r.status, text: await r.text() };
      },
      { id, args, path },
    );
    const line = answer.text.split('\n').find((l) => /^\d+:\{"ok"/.test(l)) ?? '';
    const digest = /E\{"digest"/.test(answer.text);
    if (answer.status >= 500 || digest || /"code":"InternalError"/.test(line)) failures.push(`(${JSON.stringify(args).slice(1, -1)}) → ${answer.status} ${digest ? 'server error (digest)' : short(line.slice(line.indexOf(':') + 1), 70)}`);
  }
  check(`server action ${name} called with junk arguments`, failures.length === 0, failures.length ? failures.join(' | ') : `${junkPayloads.length} calls, each refused as an ordinary error`);
}

/** Calls a form's server action by hand the way React does: the leading (bound) arguments, the previous state, the form. */
async function callWithForm(page: Page, id: string, path: string, leading: unknown[], fields: Record<string, string>): Promise<string> {
  return page.evaluate(
    async ({ id, path, leading, fields }) => {
      const form = new FormData();
      // React's encodeReply writes a FormData argument's fields as `_1_name` (older builds: `1_name`): both, the server reads its own.
      for (const [k, v] of Object.entries(fields)) {
        form.append(`_1_${k}`, v);
        form.append(`1_${k}`, v);
      }
      form.append('0', JSON.stringify([...leading, null, '$K1']));
      const r = await fetch(path, { method: 'POST', headers: { 'Next-Action': id, Accept: 'text/x-component' }, body: form });
      const text = await r.text();
      return `${r.status} ${text.split('\n').find((l) => l.includes('"ok"')) ?? (text.includes('E{"digest"') ? 'server error (digest)' : text.slice(0, 80))}`;
    },
    { id, path, leading, fields },
  );
}

// ---------------------------------------------------------------- ECS signing, by hand (docs/api.md, Alibaba's spec)

const enc = (v: string) => encodeURIComponent(v).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');
const canonical = (params: Record<string, string>) =>
  Object.keys(params)
    .sort()
    .map((k) => `${enc(k)}=${enc(params[k])}`)
    .join('&');
const isoNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Key = { id: string; secret: string };
type Answer = { status: number; body: Record<string, unknown>; text: string; headers: Headers };

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: left empty, the text says what it was */
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** v1 (HMAC-SHA1) parameters with their signature; `overrides` replace the standard ones before signing. */
function v1Params(key: Key, action: string, params: Record<string, string> = {}, overrides: Record<string, string> = {}): Record<string, string> {
  const all: Record<string, string> = {
    Format: 'JSON',
    Version: '2014-05-26',
    AccessKeyId: key.id,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: randomUUID(),
    Timestamp: isoNow(),
    Action: action,
    ...params,
    ...overrides,
  };
  const toSign = `GET&${enc('/')}&${enc(canonical(all))}`;
  all.Signature = createHmac('sha1', `${key.secret}&`).update(toSign).digest('base64');
  return all;
}

async function getV1(params: Record<string, string>, path = '/api/ecs'): Promise<Answer> {
  return answerOf(await fetch(`${base}${path}?${canonical(params)}`));
}

const v1 = (key: Key, action: string, params: Record<string, string> = {}, overrides: Record<string, string> = {}) => getV1(v1Params(key, action, params, overrides));

/** An ACS3 request signed by hand over exactly `signed` (lower-case header names). */
function acs3Headers(key: Key, action: string, query: Record<string, string>, signed: string[]): Record<string, string> {
  const headers: Record<string, string> = {
    host: new URL(base).host,
    'x-acs-action': action,
    'x-acs-version': '2014-05-26',
    'x-acs-date': isoNow(),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256(''),
  };
  const names = [...signed].sort();
  const canonicalRequest = ['GET', '/', canonical(query), names.map((n) => `${n}:${headers[n] ?? ''}\n`).join(''), names.join(';'), sha256('')].join('\n');
  const signature = createHmac('sha256', key.secret).update(`ACS3-HMAC-SHA256\n${sha256(canonicalRequest)}`).digest('hex');
  const { host: _host, ...sent } = headers; // fetch writes Host itself, with this same value
  return { ...sent, authorization: `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${names.join(';')},Signature=${signature}` };
}

async function acs3(headers: Record<string, string>, query: Record<string, string> = {}): Promise<Answer> {
  const qs = canonical(query);
  return answerOf(await fetch(`${base}/${qs ? `?${qs}` : ''}`, { headers }));
}

const ALL_SIGNED = ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version'];
const paid = (a: Answer) => `${a.status} ${String(a.body.code ?? a.body.status ?? short(a.text, 60))}`;
const seen = (a: Answer) => `${a.status} ${String(a.body.Code ?? (a.status === 200 ? 'OK' : short(a.text, 80)))}`;

// ---------------------------------------------------------------- payments (docs/payments.md)

async function notify(body: string, { secret, timestamp = String(Math.floor(Date.now() / 1000)), signature }: { secret?: string; timestamp?: string; signature?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== undefined || signature !== undefined) {
    headers['x-stratus-timestamp'] = timestamp;
    headers['x-stratus-signature'] = signature ?? createHmac('sha256', Buffer.from(secret!, 'utf8')).update(`${timestamp}\n${body}`, 'utf8').digest('hex');
  }
  return answerOf(await fetch(`${base}/api/payments/notify`, { method: 'POST', headers, body }));
}

// ---------------------------------------------------------------- the checks

type Buyer = { context: BrowserContext; page: Page; email: string; key?: Key; accountId?: string };

async function main() {
  const up = await fetch(`${base}/sign-in`).catch((e: Error) => e);
  if (up instanceof Error || up.status !== 200) {
    console.error(`no server answering 200 on ${base}/sign-in: ${up instanceof Error ? up.message : up.status}`);
    process.exit(2);
  }
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  console.log(`probe of ${base} (run ${runTag})`);
  let buyer: Buyer | undefined;
  let imageId = '';
  let instanceType = 'ecs.g7.large';

  // 1. Security headers and the session cookie -----------------------------------------------
  await group('1. security headers, session cookie', async () => {
    const nonces: string[] = [];
    for (const path of ['/sign-in', '/marketplace', '/api/ecs', '/?Action=DescribeRegions']) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      const body = await response.text();
      const h = response.headers;
      const csp = h.get('content-security-policy') ?? '';
      const api = path.includes('ecs') || path.includes('Action');
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      const problems: string[] = [];
      if (!csp) problems.push('no CSP');
      if (csp.includes('unsafe-eval')) problems.push("CSP has 'unsafe-eval'");
      if (!/frame-ancestors 'none'/.test(csp)) problems.push("no frame-ancestors 'none'");
      if (api) {
        if (!/default-src 'none'/.test(csp)) problems.push("API CSP is not default-src 'none'");
        if (!(h.get('content-type') ?? '').includes('json')) problems.push(`API answered ${h.get('content-type')}, not JSON`);
      } else {
        if (!nonce) problems.push('no nonce in script-src');
        else {
          nonces.push(nonce);
          const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
          const without = scripts.filter((s) => !s.includes(`nonce="${nonce}"`));
          if (scripts.length === 0) problems.push('no <script> in the page');
          if (without.length) problems.push(`${without.length}/${scripts.length} <script> tags without this nonce`);
        }
        if (response.status !== 200) problems.push(`status ${response.status}`);
      }
      if (h.get('x-frame-options') !== 'DENY') problems.push(`X-Frame-Options ${h.get('x-frame-options')}`);
      if (h.get('x-content-type-options') !== 'nosniff') problems.push(`X-Content-Type-Options ${h.get('x-content-type-options')}`);
      if (!h.get('referrer-policy')) problems.push('no Referrer-Policy');
      if (!h.get('permissions-policy')) problems.push('no Permissions-Policy');
      check(
        `headers on ${path}`,
        problems.length === 0,
        problems.length ? problems.join('; ') : `${response.status}; CSP ${api ? short(csp, 60) : `nonce ${nonce!.slice(0, 8)}…, ${/script-src [^;]+/.exec(csp)?.[0].replace(/'nonce-[^']+'/, "'nonce-…'")}`}; XFO DENY; nosniff; Referrer-Policy ${h.get('referrer-policy')}; Permissions-Policy ${short(h.get('permissions-policy') ?? '', 40)}`,
      );
    }
    const again = /'nonce-([^']+)'/.exec((await fetch(`${base}/sign-in`)).headers.get('content-security-policy') ?? '')?.[1];
    check('a fresh nonce per page request', !!again && !nonces.includes(again), `3 page requests, ${new Set([...nonces, again]).size} distinct nonces`);

    const { context, page } = await newContext();
    const email = await signUp(page, 'buyer');
    buyer = { context, page, email };
    const cookies = await context.cookies();
    const session = cookies.find((c) => /session_token/.test(c.name));
    check(
      'session cookie after sign-up',
      !!session && session.httpOnly && session.sameSite === 'Lax',
      session ? `${session.name}: HttpOnly=${session.httpOnly}, SameSite=${session.sameSite}, Secure=${session.secure} (http site)` : `no session cookie among ${cookies.map((c) => c.name).join(', ')}`,
    );
    const fromScript = await page.evaluate(() => document.cookie);
    check('the session cookie is not readable from script', !/session_token/.test(fromScript), `document.cookie = "${short(fromScript, 80)}"`);
  });

  // 2. Open redirect after sign-in -------------------------------------------------------------
  await group('2. open redirect after sign-in', async () => {
    if (!buyer) throw new Error('no signed-up buyer (check 1 failed)');
    const { page, email } = buyer;
    await signOut(page);
    const offSiteBefore = offSite.length;
    // The last but one is already percent-encoded (a tab as %09): it must stay a path on this site.
    for (const next of ['/\t/evil.example/phish', '/\n/evil.example/phish', '//evil.example/phish', '/\\evil.example/phish', 'https://evil.example/phish', '/%09/evil.example/phish', 'javascript:alert(1)']) {
      await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
      await settle(page);
      const result = await submitSignIn(page, email, PASSWORD);
      const landed = new URL(result.url);
      check(`sign-in with next=${JSON.stringify(next)}`, result.left && landed.origin === origin, result.left ? `landed on ${result.url}` : `did not sign in: ${result.error}`);
      if (result.left) await signOut(page);
    }
    const leaked = offSite.slice(offSiteBefore);
    check('no request left the site during those sign-ins', leaked.length === 0, leaked.length ? leaked.join(', ') : `0 requests to other origins`);
    // And a legitimate next still works (the fix must not break it).
    await page.goto(`/sign-in?next=${encodeURIComponent('/console/billing')}`);
    await settle(page);
    const ok = await submitSignIn(page, email, PASSWORD);
    check('sign-in with next=/console/billing', ok.left && new URL(ok.url).pathname === '/console/billing', ok.left ? `landed on ${ok.url}` : `did not sign in: ${ok.error}`);
  });

  // 3. Sign-in throttling ----------------------------------------------------------------------
  await group('3. sign-in throttling', async () => {
    const { context, page } = await newContext();
    const email = await signUp(page, 'locked');
    await signOut(page);
    const answers: string[] = [];
    for (let i = 1; i <= 5; i++) {
      await page.goto('/sign-in');
      await settle(page);
      const r = await submitSignIn(page, email, `wrong-password-${i}`);
      answers.push(r.left ? `signed in?! ${r.url}` : r.error);
    }
    check('5 wrong passwords are refused', answers.every((a) => a && !a.startsWith('signed in')), answers.map((a, i) => `#${i + 1} "${short(a, 70)}"`).join(' | '));
    await page.goto('/sign-in');
    await settle(page);
    const started = Date.now();
    const right = await submitSignIn(page, email, PASSWORD);
    const until = /until ([0-9-]+ [0-9:]+)(?: \(UTC\+8\))?/.exec(right.error);
    let endOk = false;
    let endSeen = '';
    if (until) {
      // The console names moments in China time (UTC+8).
      const end = new Date(`${until[1].replace(' ', 'T')}${until[1].length <= 16 ? ':00' : ''}+08:00`).getTime();
      const minutes = (end - started) / 60_000;
      endOk = minutes > 10 && minutes <= 16;
      endSeen = `, ends in ${minutes.toFixed(1)} min`;
    }
    check('then the right password is refused, naming the lockout end', !right.left && !!until && endOk, right.left ? `signed in: ${right.url}` : `"${right.error}"${endSeen}`);
    await context.close();
  });

  // 4. No free money, a ¥0 launch ------------------------------------------------------------
  await group('4. no free money', async () => {
    if (!buyer) throw new Error('no signed-up buyer');
    const { page } = buyer;
    await page.goto('/console/billing');
    await settle(page);
    const topUpButtons = await page.getByRole('button', { name: /top up/i }).count();
    const amountInputs = await page.locator('input[name="amount"]').count();
    const payIn = (await page.getByTestId('billing-pay-in').textContent().catch(() => '')) ?? '';
    const balance = await billingBalance(page);
    check('Billing page has no top-up form', topUpButtons === 0 && amountInputs === 0, `${topUpButtons} "Top up" buttons, ${amountInputs} amount inputs, balance ¥${(balance / 100).toFixed(2)}; says "${short(payIn.trim(), 90)}"`);

    // The simulated top-up's server action, if the page's scripts still name it, called by hand
    // the way React calls it: (previous state, the form).
    const actions = await serverActionsOf(page);
    const topUp = actions.get('topUpAction');
    if (!topUp) {
      check("the simulated top-up's server action is not reachable from the page", true, `no topUpAction among the ${actions.size} server actions the page's scripts name`);
    } else {
      const result = await callWithForm(page, topUp, '/console/billing', [], { amount: '100000' });
      const after = await billingBalance(page);
      check("the simulated top-up's server action, called by hand with ¥100,000, adds nothing", after === balance && /SimulatedPayment/.test(result), `topUpAction ${topUp.slice(0, 10)}… answered ${short(result, 160)}; balance ¥${(balance / 100).toFixed(2)} → ¥${(after / 100).toFixed(2)}`);
    }

    buyer.key = await createAccessKey(page);
    check('AccessKey made in the console', /^\S+$/.test(buyer.key.id) && buyer.key.secret.length >= 16, `${buyer.key.id} (secret shown once, ${buyer.key.secret.length} chars)`);
    buyer.accountId = await accountIdOf(page);

    const images = await v1(buyer.key, 'DescribeImages', { RegionId: 'cn-hangzhou', ImageOwnerAlias: 'system', PageSize: '5' });
    imageId = String(((images.body.Images as { Image?: { ImageId: string }[] })?.Image ?? [])[0]?.ImageId ?? '');
    const types = await v1(buyer.key, 'DescribeInstanceTypes');
    const typeIds = ((types.body.InstanceTypes as { InstanceType?: { InstanceTypeId: string }[] })?.InstanceType ?? []).map((t) => t.InstanceTypeId);
    if (!typeIds.includes(instanceType) && typeIds[0]) instanceType = typeIds[0];
    if (!imageId) throw new Error(`no system image in cn-hangzhou: ${seen(images)}`);
    const launch = await v1(buyer.key, 'RunInstances', { RegionId: 'cn-hangzhou', ImageId: imageId, InstanceType: instanceType, Amount: '1', ClientToken: `probe-zero-${runTag}` });
    check('RunInstances with a ¥0 wallet', launch.status >= 400 && launch.body.Code === 'InvalidAccountStatus.NotEnoughBalance', `${seen(launch)}: ${short(String(launch.body.Message ?? ''), 120)}`);
  });

  // 5. The payment gateway -------------------------------------------------------------------
  await group('5. payment gateway', async () => {
    if (!buyer?.accountId || !buyer.key) throw new Error('no buyer with an account id and an AccessKey (check 4 failed)');
    const { page, accountId, key } = buyer;
    if (!paymentSecret) {
      skip('payment gateway', 'no --payment-secret / STRATUS_PAYMENT_SECRET given to the probe');
      const r = await notify(JSON.stringify({ paymentId: `probe-${runTag}`, accountId, amountFen: 100, paidAt: new Date().toISOString() }));
      check('unsigned notification refused', r.status === 401 || r.status === 404, paid(r));
      return;
    }
    const amountFen = 20_000 + Math.floor(Math.random() * 100);
    const paymentId = `probe-${runTag}`;
    const body = JSON.stringify({ paymentId, accountId, amountFen, paidAt: new Date().toISOString() });
    const before = await billingBalance(page);

    const unsigned = await notify(body);
    check('notification without signature headers', unsigned.status === 401, paid(unsigned));
    const noSignature = answerOf(await fetch(`${base}/api/payments/notify`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-stratus-timestamp': String(Math.floor(Date.now() / 1000)) }, body }));
    const noSig = await noSignature;
    check('notification with a timestamp and no signature', noSig.status === 401 && noSig.body.code === 'PaymentSignature.Invalid', paid(noSig));
    const wrong = await notify(body, { signature: createHmac('sha256', 'not-the-secret-not-the-secret-000').update(`${Math.floor(Date.now() / 1000)}\n${body}`).digest('hex') });
    check('notification with a wrong signature', wrong.status === 401 && wrong.body.code === 'PaymentSignature.Invalid', paid(wrong));
    const stale = await notify(body, { secret: paymentSecret, timestamp: String(Math.floor(Date.now() / 1000) - 600) });
    check('correctly signed, 10 minutes old', stale.status === 401 && stale.body.code === 'PaymentSignature.Expired', paid(stale));
    const tampered = JSON.stringify({ paymentId, accountId, amountFen: amountFen * 100, paidAt: new Date().toISOString() });
    const ts = String(Math.floor(Date.now() / 1000));
    const goodSig = createHmac('sha256', paymentSecret).update(`${ts}\n${body}`).digest('hex');
    const swapped = await notify(tampered, { timestamp: ts, signature: goodSig });
    check('a valid signature on another body (amount ×100)', swapped.status === 401, paid(swapped));
    const mid = await billingBalance(page);
    check('no refused notification credited anything', mid === before, `balance ¥${(before / 100).toFixed(2)} → ¥${(mid / 100).toFixed(2)}`);

    const first = await notify(body, { secret: paymentSecret });
    const afterFirst = await billingBalance(page);
    check('correctly signed notification credits the wallet', first.status === 200 && afterFirst - before === amountFen, `${first.status} ${String(first.body.status ?? first.body.code ?? '')}; balance ¥${(before / 100).toFixed(2)} → ¥${(afterFirst / 100).toFixed(2)} (sent ${amountFen} fen)`);
    const second = await notify(body, { secret: paymentSecret });
    const afterSecond = await billingBalance(page);
    check(
      'the same payment again: 200, no second credit',
      second.status === 200 && afterSecond === afterFirst && second.body.transferId === first.body.transferId,
      `${second.status}, transferId ${second.body.transferId === first.body.transferId ? 'the same' : `${String(second.body.transferId)} vs ${String(first.body.transferId)}`}; balance ¥${(afterSecond / 100).toFixed(2)}`,
    );
    const conflict = await notify(JSON.stringify({ paymentId, accountId, amountFen: amountFen + 1, paidAt: new Date().toISOString() }), { secret: paymentSecret });
    const afterConflict = await billingBalance(page);
    check('same paymentId, another amount', conflict.status === 409 && conflict.body.code === 'InvalidPayment.Conflict' && afterConflict === afterFirst, `${conflict.status} ${String(conflict.body.code ?? '')}; balance ¥${(afterConflict / 100).toFixed(2)}`);
    // Parallel copies of one new payment: exactly one credit.
    const racedId = `probe-race-${runTag}`;
    const racedBody = JSON.stringify({ paymentId: racedId, accountId, amountFen: 100, paidAt: new Date().toISOString() });
    const raced = await Promise.all(Array.from({ length: 10 }, () => notify(racedBody, { secret: paymentSecret })));
    const afterRace = await billingBalance(page);
    check('10 parallel copies of one payment credit once', afterRace - afterConflict === 100 && raced.every((r) => r.status === 200 || r.status === 503), `statuses ${[...new Set(raced.map((r) => r.status))].join('/')}; balance +${afterRace - afterConflict} fen`);

    const launch = await v1(key, 'RunInstances', { RegionId: 'cn-hangzhou', ImageId: imageId, InstanceType: instanceType, Amount: '1', ClientToken: `probe-paid-${runTag}` });
    const ids = (launch.body.InstanceIdSets as { InstanceIdSet?: string[] })?.InstanceIdSet ?? [];
    check(`RunInstances with ¥${(afterRace / 100).toFixed(2)}`, launch.status === 200 && ids.length === 1, `${seen(launch)} ${ids.join(',')}`);
    const many = await v1(key, 'RunInstances', { RegionId: 'cn-hangzhou', ImageId: imageId, InstanceType: instanceType, Amount: '60', ClientToken: `probe-many-${runTag}` });
    check('RunInstances Amount=60 beyond the quota of 50 per region', many.status >= 400 && many.body.Code === 'QuotaExceed.ElasticQuota', `${seen(many)}: ${short(String(many.body.Message ?? ''), 120)}`);
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => v1(key, 'RunInstances', { RegionId: 'cn-hangzhou', ImageId: imageId, InstanceType: instanceType, Amount: '10', ClientToken: `probe-par-${runTag}-${i}` })));
    const launched = parallel.filter((r) => r.status === 200).length * 10;
    check('10 parallel RunInstances of 10 (49 left in the quota)', launched <= 49, `${launched} instances launched; answers ${[...new Set(parallel.map(seen))].join(', ')}`);
  });

  // 6. The ECS API ---------------------------------------------------------------------------
  await group('6. ECS API', async () => {
    if (!buyer?.key) throw new Error('no AccessKey (check 4 failed)');
    const key = buyer.key;
    await sleep(1100); // a fresh rate window
    const control = await v1(key, 'DescribeRegions');
    check('control: a correct v1 DescribeRegions', control.status === 200, seen(control));
    try {
      const client = new (Ecs as unknown as { default: new (c: $OpenApi.Config) => { describeRegions(r: unknown): Promise<{ statusCode?: number; body?: { regions?: { region?: unknown[] } } }> } }).default(
        new $OpenApi.Config({ accessKeyId: key.id, accessKeySecret: key.secret, endpoint: new URL(base).host, protocol: new URL(base).protocol.replace(':', ''), regionId: 'cn-hangzhou' }),
      );
      const r = await client.describeRegions(new $Ecs.DescribeRegionsRequest({}));
      check('control: the real ACS3 SDK (@alicloud/ecs20140526) DescribeRegions', (r.body?.regions?.region?.length ?? 0) > 0, `${r.statusCode} with ${r.body?.regions?.region?.length} regions`);
    } catch (error) {
      check('control: the real ACS3 SDK (@alicloud/ecs20140526) DescribeRegions', false, short(String((error as Error).message)));
    }

    for (const action of ['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const r = await v1(key, action);
      check(`signed v1 Action=${action}`, r.status >= 400 && r.status < 500 && r.body.Code === 'InvalidAction.NotFound', seen(r));
    }
    const viaRoot = await getV1(v1Params(key, 'constructor'), '/');
    check('signed v1 Action=constructor at /', viaRoot.status === 404 && viaRoot.body.Code === 'InvalidAction.NotFound', seen(viaRoot));
    const acs3Proto = await acs3(acs3Headers(key, '__proto__', {}, ALL_SIGNED));
    check('signed ACS3 x-acs-action=__proto__', acs3Proto.status === 404 && acs3Proto.body.Code === 'InvalidAction.NotFound', seen(acs3Proto));
    for (const action of ['valueOf', '__proto__', 'constructor']) {
      const r = answerOf(await fetch(`${base}/?Action=${action}`));
      const a = await r;
      check(`unsigned /?Action=${action}`, a.status >= 400 && a.status < 500, seen(a));
    }

    const acs3Good = await acs3(acs3Headers(key, 'DescribeRegions', {}, ALL_SIGNED));
    check('control: ACS3 signed by hand over every required header', acs3Good.status === 200, seen(acs3Good));
    const hostOnly = await acs3(acs3Headers(key, 'DescribeRegions', {}, ['host']));
    check('ACS3 with SignedHeaders=host only (signature itself correct)', hostOnly.status >= 400 && ['SignatureDoesNotMatch', 'MissingParameter'].includes(String(hostOnly.body.Code)), seen(hostOnly));
    // The captured-call attack: a host-only signature re-sent as another action.
    const captured = acs3Headers(key, 'DescribeRegions', {}, ['host']);
    const reshaped = await acs3({ ...captured, 'x-acs-action': 'DescribeInstances', 'x-acs-signature-nonce': randomUUID() });
    check('a host-only ACS3 call re-sent as another action', reshaped.status >= 400, seen(reshaped));
    const noNonce = acs3Headers(key, 'DescribeRegions', {}, ALL_SIGNED.filter((h) => h !== 'x-acs-signature-nonce'));
    const noNonceAnswer = await acs3(noNonce);
    check('ACS3 leaving x-acs-signature-nonce unsigned', noNonceAnswer.status >= 400, seen(noNonceAnswer));

    const none = await v1(key, 'DescribeRegions', {}, { SignatureMethod: 'NONE' });
    check('v1 SignatureMethod=NONE', none.status >= 400 && none.status < 500, seen(none));
    const noneNoSig = v1Params(key, 'DescribeRegions', {}, { SignatureMethod: 'NONE' });
    delete noneNoSig.Signature;
    const unsignedNone = await getV1({ ...noneNoSig, Signature: '' });
    check('v1 SignatureMethod=NONE with an empty signature', unsignedNone.status >= 400 && unsignedNone.status < 500, seen(unsignedNone));
    const v2 = await v1(key, 'DescribeRegions', {}, { SignatureVersion: '2.0' });
    check('v1 SignatureVersion=2.0', v2.status >= 400 && v2.status < 500, seen(v2));
    const sha256Method = await v1(key, 'DescribeRegions', {}, { SignatureMethod: 'HMAC-SHA256' });
    check('v1 SignatureMethod=HMAC-SHA256 (signed with SHA1)', sha256Method.status >= 400 && sha256Method.status < 500, seen(sha256Method));
    const localTime = await v1(key, 'DescribeRegions', {}, { Timestamp: new Date(Date.now() + 8 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+08:00') });
    check('v1 Timestamp not in UTC (+08:00)', localTime.status === 400 && String(localTime.body.Code).startsWith('InvalidTimeStamp'), seen(localTime));
    const old = await v1(key, 'DescribeRegions', {}, { Timestamp: new Date(Date.now() - 20 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z') });
    check('v1 Timestamp 20 minutes old', old.status === 400 && old.body.Code === 'InvalidTimeStamp.Expired', seen(old));

    const once = v1Params(key, 'DescribeRegions');
    const firstUse = await getV1(once);
    const replay = await getV1(once);
    check('v1 replay of the same request (same nonce)', firstUse.status === 200 && replay.status === 400 && replay.body.Code === 'SignatureNonceUsed', `first ${seen(firstUse)}, again ${seen(replay)}`);
    const acs3Once = acs3Headers(key, 'DescribeRegions', {}, ALL_SIGNED);
    const acs3First = await acs3(acs3Once);
    const acs3Replay = await acs3(acs3Once);
    check('ACS3 replay of the same request (same nonce)', acs3First.status === 200 && acs3Replay.status === 400 && acs3Replay.body.Code === 'SignatureNonceUsed', `first ${seen(acs3First)}, again ${seen(acs3Replay)}`);
    const reNonce = v1Params(key, 'DescribeInstances', { RegionId: 'cn-hangzhou' }, { SignatureNonce: once.SignatureNonce });
    const reNonceAnswer = await getV1(reNonce);
    check('v1 the same nonce on another, freshly signed action', reNonceAnswer.body.Code === 'SignatureNonceUsed', seen(reNonceAnswer));

    for (const size of ['2.5', '-1', '1e9', '0', '101', 'abc']) {
      const r = await v1(key, 'DescribeTasks', { RegionId: 'cn-hangzhou', PageSize: size });
      check(`DescribeTasks PageSize=${size}`, r.status === 400, `${seen(r)}`);
    }
    for (const number of ['0', '-3', '1.5']) {
      const r = await v1(key, 'DescribeInstances', { RegionId: 'cn-hangzhou', PageNumber: number });
      check(`DescribeInstances PageNumber=${number}`, r.status === 400, `${seen(r)}`);
    }

    await sleep(1100);
    const signed = Array.from({ length: 100 }, () => v1Params(key, 'DescribeRegions'));
    const started = performance.now();
    const burst = await Promise.all(signed.map((p) => getV1(p)));
    const ms = performance.now() - started;
    const throttled = burst.filter((r) => r.status === 429);
    const codes = [...new Set(throttled.map((r) => String(r.body.Code)))];
    const retryAfter = [...new Set(throttled.map((r) => r.headers.get('retry-after')))];
    const ok = burst.filter((r) => r.status === 200).length;
    const other = burst.filter((r) => r.status !== 200 && r.status !== 429);
    check(
      '100 DescribeRegions with one key at once',
      ms < 1000 && throttled.length > 0 && codes.length === 1 && codes[0] === 'Throttling.User' && retryAfter.every((v) => v !== null && /^\d+$/.test(v)) && other.length === 0 && ok <= 50,
      `${ms.toFixed(0)} ms: ${ok} × 200, ${throttled.length} × 429 ${codes.join('/')} Retry-After ${retryAfter.join('/')}${other.length ? `, others: ${[...new Set(other.map(seen))].join(', ')}` : ''}`,
    );
    await sleep(1100);
  });

  // 6b. Console server actions called by hand ---------------------------------------------------
  await group('6b. server actions called by hand', async () => {
    if (!buyer) throw new Error('no signed-up buyer');
    const { page } = buyer;
    const actions = new Map<string, string>();
    for (const path of ['/console/instances', '/console/instances/new', '/console/billing', '/console/access-keys', '/console/images', '/console/buckets', '/console/notifications', '/console/orders', '/marketplace']) {
      await page.goto(path);
      await settle(page);
      for (const [name, id] of await serverActionsOf(page)) if (![...actions.values()].includes(id)) actions.set(name, id);
    }
    actions.delete('signOutAction'); // it takes no arguments and would end the probe's session
    check('server actions named in the console pages\' scripts', actions.size > 0, `${actions.size}: ${[...actions.keys()].join(', ')}`);
    for (const [name, id] of actions) await junk(page, name, id, '/console/instances');
    // Anonymous: the sign-in and sign-up forms' actions.
    const { context, page: anonymous } = await newContext();
    const open = new Map<string, string>();
    for (const path of ['/sign-in', '/sign-up']) {
      await anonymous.goto(path);
      await settle(anonymous);
      for (const [name, id] of await serverActionsOf(anonymous)) if (![...open.values()].includes(id)) open.set(name, id);
    }
    open.delete('signOutAction');
    for (const [name, id] of open) await junk(anonymous, `${name} (anonymous)`, id, '/sign-in');
    await context.close();
  });

  // 7. An admin credits an account with a reason -----------------------------------------------
  await group('7. admin credit with a reason', async () => {
    if (!adminEmail || !adminPassword) {
      skip('admin credit with a reason', 'no --admin-email/--admin-password (an admin made with `STRATUS_MODE=production npm run admin -- grant EMAIL`)');
      return;
    }
    if (!buyer) throw new Error('no signed-up buyer');
    const { context, page } = await newContext();
    await page.goto(`/sign-in?next=${encodeURIComponent('/admin/accounts')}`);
    await settle(page);
    const signedIn = await submitSignIn(page, adminEmail, adminPassword);
    if (!signedIn.left) throw new Error(`admin sign-in refused: ${signedIn.error}`);
    await page.goto('/admin/accounts');
    await settle(page);
    check('the admin reaches /admin/accounts', new URL(page.url()).pathname === '/admin/accounts', page.url());
    await page.getByRole('searchbox', { name: 'Find an account' }).fill(buyer.email);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByText(buyer.email).waitFor({ timeout: 10_000 });
    await settle(page);
    const before = await billingBalance(buyer.page);
    const reason = `Probe goodwill credit ${runTag}`;
    await page.getByLabel('Credit (add money)').check();
    await page.getByLabel('Amount (¥)').fill('12.34');
    await page.getByLabel("Reason for the account's owner").fill(reason);
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Confirm credit' }).click();
    const status = ((await page.getByRole('status').textContent({ timeout: 10_000 }).catch(() => '')) ?? '').trim();
    const after = await billingBalance(buyer.page);
    const row = buyer.page.getByRole('row').filter({ hasText: reason });
    const rowText = (await row.count()) ? ((await row.first().textContent()) ?? '').replace(/\s+/g, ' ') : '';
    check('admin credit ¥12.34 with a reason', after - before === 1234, `admin sees "${short(status, 80)}"; buyer's balance ¥${(before / 100).toFixed(2)} → ¥${(after / 100).toFixed(2)}`);
    check("the reason on the buyer's Billing page", rowText.includes(reason) && rowText.includes('+¥12.34'), rowText ? `row: "${short(rowText, 140)}"` : 'no row with the reason');

    // The admin pages' own actions, called by hand with junk.
    const adminActions = new Map<string, string>();
    for (const path of [`/admin/accounts?q=${encodeURIComponent(buyer.email)}`, '/admin/settings']) {
      await page.goto(path);
      await settle(page);
      for (const [name, id] of await serverActionsOf(page)) if (![...adminActions.values()].includes(id)) adminActions.set(name, id);
    }
    for (const name of ['signOutAction', 'setLocaleAction', 'setRegionAction']) adminActions.delete(name);
    const beforeJunk = await billingBalance(buyer.page);
    for (const [name, id] of adminActions) await junk(page, `${name} (admin)`, id, '/admin/accounts');
    const afterJunk = await billingBalance(buyer.page);
    check("the admin actions' junk calls moved no money", afterJunk === beforeJunk, `buyer's balance ¥${(beforeJunk / 100).toFixed(2)} → ¥${(afterJunk / 100).toFixed(2)}`);

    // The credit form's action, called by hand: first by the admin (¥1, to be sure the call is
    // well formed), then by the buyer for itself (¥100,000).
    const accountId = buyer.accountId ?? (await accountIdOf(buyer.page));
    let creditId: string | undefined;
    const adminCallAnswers: string[] = [];
    for (const [name, id] of adminActions) {
      if (!name.startsWith('/admin/accounts')) continue;
      const before1 = await billingBalance(buyer.page);
      await page.goto(`/admin/accounts?q=${encodeURIComponent(buyer.email)}`);
      const answer = await callWithForm(page, id, '/admin/accounts', [accountId], { direction: 'credit', amount: '1', reason: `probe hand-made call ${runTag}` });
      if ((await billingBalance(buyer.page)) - before1 === 100) creditId = id;
      else adminCallAnswers.push(`${name}: ${short(answer, 100)}`);
      if (creditId) break;
    }
    if (!creditId) {
      check("the admin's credit action, called by hand", false, `no action of /admin/accounts credited ¥1 when the admin called it: ${adminCallAnswers.join(' | ')}`);
    } else {
      const before2 = await billingBalance(buyer.page);
      await buyer.page.goto('/console/billing');
      const answer = await callWithForm(buyer.page, creditId, '/console/billing', [accountId], { direction: 'credit', amount: '100000', reason: 'I credit myself' });
      const after2 = await billingBalance(buyer.page);
      check("a buyer calling the admin's credit action by hand for itself (¥100,000)", after2 === before2, `answered ${short(answer, 120)}; balance ¥${(before2 / 100).toFixed(2)} → ¥${(after2 / 100).toFixed(2)} (the admin's own hand-made ¥1 call did credit)`);
    }
    await context.close();

    // A buyer is not an admin.
    const opened = await buyer.page.goto(`/admin/accounts?q=${encodeURIComponent(adminEmail)}`);
    const adminForm = await buyer.page.getByRole('searchbox', { name: 'Find an account' }).count();
    check('a buyer opening /admin/accounts', adminForm === 0 && (opened?.status() ?? 0) >= 400, `HTTP ${opened?.status()} on ${buyer.page.url()}, ${adminForm} account search boxes`);
  });

  check('no CSP violations in the browser during the run', cspViolations.length === 0, cspViolations.length ? cspViolations.slice(0, 3).join(' | ') : 'none reported on the console');
  await browser.close();
  console.log(`\nprobe: ${passed} passed, ${failed} failed${skipped.length ? ` (${skipped.length} skipped: ${skipped.join('; ')})` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

main().catch(async (error) => {
  console.error(error);
  await browser?.close().catch(() => {});
  process.exit(1);
});
