import { expect, test } from '@playwright/test';
import { screenshotPath, signUp } from './helpers';

// The public marketplace pages: browsing needs no account; search filters live in the URL;
// a buyer whose wallet cannot pay is told so and gets no licenses (MKT-2, MKT-3, MKT-8).

test('anyone can browse: categories, featured products, search with filters and sort in the URL', async ({ page }) => {
  await page.goto('/marketplace');
  await expect(page.getByRole('heading', { name: 'Browse by category' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Databases\s+\d+ products/ })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search the marketplace' }).first().fill('mysql');
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  await expect(page).toHaveURL(/\/marketplace\/search\?q=mysql$/);
  await expect(page.getByRole('heading', { name: 'Results for “mysql”' })).toBeVisible();
  await expect(page.locator('[data-product-code="mysq000201"]')).toBeVisible();

  // A filter applies at once (once the page is interactive) and lands in the URL, keeping the words.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Category').selectOption('database');
  await expect(page).toHaveURL(/q=mysql/);
  await expect(page).toHaveURL(/category=database/);
  await page.getByRole('link', { name: 'Price: high to low' }).click();
  await expect(page).toHaveURL(/sort=price_desc/);

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByLabel('Category')).toHaveValue('database');
  await expect(page.getByRole('link', { name: 'Price: high to low' })).toHaveAttribute('aria-current', 'true');

  // A price range in yuan.
  await page.goto('/marketplace/search?category=ai&sort=price_asc&max=1');
  await expect(page.getByRole('link', { name: /Remove filter: Up to ¥1\.00 \(monthly equivalent\)/ })).toBeVisible();
  const prices = await page.getByTestId('from-price').allTextContents();
  expect(prices.every((p) => Number(p.replace(/[¥,]/g, '')) <= 1)).toBe(true);

  // Like with like (issue 16): without a pricing model an hourly price is compared by its
  // monthly equivalent and the card says so; with one, that model's own price.
  await page.goto('/marketplace/search?category=database&sort=price_asc');
  await expect(page.getByText('Monthly equivalent (¥)')).toBeVisible();
  await expect(page.locator('[data-product-code="rdis000203"]').getByTestId('compared-price')).toHaveText('Compared as ¥109.50/month (× 730 hours)');
  const compared = await page.locator('[data-compared-fen]').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-compared-fen'))));
  expect(compared).toEqual([...compared].sort((a, b) => a - b));
  await page.screenshot({ path: screenshotPath('search-compared-prices') });
  await page.goto('/marketplace/search?pricing=hourly&max=0.2&sort=price_asc');
  await expect(page.getByText('Price per hour (¥)')).toBeVisible();
  await expect(page.locator('[data-product-code="lnmp000101"]')).toContainText('¥0.20');
  await expect(page.getByTestId('compared-price')).toHaveCount(0);

  // Nonsense in the URL is ignored, not an error; a price that is not an amount says so (issue 16).
  const response = await page.goto('/marketplace/search?category=nope&os=mac&min=abc&page=-2&sort=cheapest');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'All products' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter prices as amounts in yuan' })).toBeVisible();
  await expect(page.getByLabel('Min')).toHaveValue('abc');

  // A lowest price above the highest is not applied, and the filter says why.
  await page.goto('/marketplace/search?min=200&max=100');
  await expect(page.getByRole('alert').filter({ hasText: 'The lowest price is above the highest' })).toBeVisible();
  await expect(page.getByLabel('Min')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('from-price').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('search-price-problem') });

  // Nothing found: the page says what to do next.
  await page.goto('/marketplace/search?q=zzzqqqxx&region=us-west-1');
  await expect(page.getByRole('heading', { name: 'No products match' })).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/marketplace\/search\?q=zzzqqqxx$/);
  await expect(page.getByRole('link', { name: 'Search all products' })).toBeVisible();
});

test('a product page explains its prices; signed out it asks to sign in; a delisted one offers substitutes', async ({ page }) => {
  await page.goto('/marketplace/products/lnmp000101');
  await expect(page.getByRole('heading', { level: 1, name: /LNMP Stack/ })).toBeVisible();
  await expect(page.getByText('2.0.0')).toBeVisible();
  await expect(page.getByText(/bought together with an instance in the launch wizard/i).first()).toBeVisible();
  await page.getByLabel('Quantity').fill('3');
  await expect(page.getByTestId('purchase-total')).toHaveText('¥297.00');
  await expect(page.getByRole('link', { name: 'Sign in to buy' })).toHaveAttribute('href', '/sign-in?next=%2Fmarketplace%2Fproducts%2Flnmp000101');

  await page.goto('/marketplace/products/jmla000107');
  await expect(page.getByTestId('delisted-notice')).toContainText('can no longer be bought');
  await expect(page.getByTestId('delisted-notice').locator('[data-product-code]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /Buy/ })).toHaveCount(0);

  const missing = await page.goto('/marketplace/products/zzzz999999');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Product not found' })).toBeVisible();
});

test('a buyer with ¥0 is told the wallet does not cover the order, and gets no license', async ({ page }) => {
  await signUp(page, 'broke');
  await page.goto('/marketplace/products/lnmp000101');
  await expect(page.getByTestId('my-licenses')).toContainText('You have no licenses for this product yet.');
  await page.getByLabel('Region', { exact: true }).selectOption('cn-hangzhou');
  await page.getByLabel('Quantity').fill('2');
  // Issue 16: the order review shows the total and the balance it would leave, and cannot be confirmed.
  await page.getByRole('button', { name: 'Buy 2 licenses' }).click();
  const review = page.getByRole('dialog', { name: 'Review your order' });
  await expect(review.getByTestId('purchase-review-total')).toHaveText('¥198.00');
  await expect(review.getByTestId('purchase-review-balanceAfter')).toHaveText('-¥198.00');
  await expect(review.getByText('Your balance is not enough for this order: top up first.')).toBeVisible();
  await expect(review.getByRole('button', { name: 'Pay ¥198.00' })).toBeDisabled();
  await page.screenshot({ path: screenshotPath('marketplace-not-enough-balance'), fullPage: true });
  await page.reload();
  await expect(page.getByTestId('my-licenses')).toContainText('You have no licenses for this product yet.');
});
