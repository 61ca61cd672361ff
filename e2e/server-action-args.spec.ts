// Issue 12, as an attacker would: call a console server action by hand with arguments the UI
// never sends. instanceAction(id, 'constructor') answered ok (a plain-object lookup ran Object()),
// '__proto__' and a non-string id answered InternalError; now each is InvalidParameter.
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { launchFromWizard, signUp } from './helpers';

/** The id Next gave the action in this build (the client bundles carry the same ids). */
function actionId(exportedName: string, file: string): string {
  const manifest: Record<string, { exportedName?: string; filename?: string }> = JSON.parse(fs.readFileSync('.next/server/server-reference-manifest.json', 'utf8')).node;
  const found = Object.entries(manifest).find(([, a]) => a.exportedName === exportedName && a.filename?.endsWith(file));
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

test('a server action called by hand with prototype names or wrong types is refused as InvalidParameter', async ({ page }) => {
  const id = actionId('instanceAction', 'app/console/instances/actions.ts');
  await signUp(page, 'action-args');
  await launchFromWizard(page, { amount: 1, name: 'args-1' });
  await page.getByRole('link', { name: 'args-1' }).first().click();
  await expect(page).toHaveURL(/\/console\/instances\/i-/);
  const instanceId = page.url().split('/').pop()!;
  const call = (args: unknown[]) =>
    page.evaluate(
      async ({ id, args }) => {
        const response = await fetch(location.pathname, { method: 'POST', headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' }, body: JSON.stringify(args) });
        const line = (await response.text()).split('\n').find((l) => /^\d+:\{"ok"/.test(l));
        return line ? JSON.parse(line.slice(line.indexOf(':') + 1)) : null;
      },
      { id, args },
    );
  for (const name of ['constructor', '__proto__', 'valueOf']) {
    expect(await call([instanceId, name]), name).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'action' } });
  }
  expect(await call([{ length: 1 }, 'stop'])).toMatchObject({ ok: false, error: { code: 'InvalidParameter', field: 'instanceId' } });
  expect(await call(['i-notmine00000000000000', 'stop'])).toMatchObject({ ok: false, error: { code: 'InvalidInstanceId.NotFound' } });
});
