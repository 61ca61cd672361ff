import { expect, test, type Page } from '@playwright/test';
import { signUpThroughForm } from './helpers';

// Issue 12 (security headers): pages and the ECS API carry them, pages run their scripts under
// a per-request nonce, and pages work with no Content-Security-Policy violation.

const expectHardened = (headers: Record<string, string>) => {
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  // The test server is plain http: no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();
};

test('a page and the API answer with the security headers; each page has its own nonce', async ({ request }) => {
  const first = await request.get('/marketplace');
  expectHardened(first.headers());
  const csp = first.headers()['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toContain('unsafe-eval');
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  const second = await request.get('/marketplace');
  expect(second.headers()['content-security-policy']).not.toBe(csp);

  for (const api of [await request.get('/api/ecs?Action=DescribeRegions'), await request.get('/?Action=DescribeRegions')]) {
    expect(api.headers()['content-type']).toContain('application/json');
    expectHardened(api.headers());
    expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  // Console uploads bypass proxy.ts (it would buffer the body) and set the headers themselves.
  const upload = await request.put('/console/api/buckets/b-none/objects?key=a.raw', { data: 'x' });
  expect(upload.status()).toBe(401);
  expectHardened(upload.headers());
});

function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(String(error)));
  return violations;
}

test('pages render and work under the policy, without a CSP violation in the console', async ({ page }) => {
  const violations = watchCsp(page);
  await page.goto('/marketplace');
  await page.waitForLoadState('networkidle');
  await page.getByRole('searchbox', { name: 'Search the marketplace' }).first().fill('mysql');
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  await expect(page).toHaveURL(/\/marketplace\/search\?q=mysql$/);
  // Signing up is a server action and a client-side navigation: both need the scripts to run.
  await signUpThroughForm(page, 'csp');
  await page.goto('/console/instances/new');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('spinbutton', { name: 'Amount' })).toBeVisible();
  expect(violations).toEqual([]);
});
