// `npm run admin -- grant EMAIL` / `npm run admin -- revoke EMAIL`: the operator makes a
// signed-up user an admin (or no longer one). Runs against STRATUS_DATA_DIR's database.
import { applyMigrations, getDb } from '../db/client';
import { setAdmin } from '../lib/services/operators';

const [verb, email] = process.argv.slice(2);
if ((verb !== 'grant' && verb !== 'revoke') || !email) {
  console.error('Usage: npm run admin -- grant EMAIL | revoke EMAIL   (the user signs up first)');
  process.exit(2);
}
await applyMigrations(getDb());
try {
  const { accountId } = await setAdmin(email, verb === 'grant');
  console.log(`${email} (account ${accountId}) is ${verb === 'grant' ? 'now an admin' : 'no longer an admin'}.`);
} catch {
  console.error(`No user signed up with ${email}.`);
  process.exit(1);
}
