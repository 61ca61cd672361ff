// Platform settings (ADM-4): stored values over the defaults of lib/domain/settings.ts.
import { platformSettings } from '../../db/schema';
import { defaultSettings, settingsSchema, type PlatformSettings } from '../domain/settings';
import { clock } from '../clock';
import { config } from '../config';
import type { Actor } from '../domain/actor';
import { CloudError } from '../domain/errors';
import { authorize } from '../domain/permissions';
import { mutate, type Tx } from './transaction';
import type { Db } from '../../db/client';
import { preparedQuery } from '../../db/prepared';

/** The defaults of the mode this server runs in. */
export const platformDefaults: PlatformSettings = defaultSettings(config.mode);

/** The last stored rows and what they parsed to: the rows are read on every call (another process may have changed them), the parse is not repeated. */
const parsed = { rows: '', settings: platformDefaults };
const storedSettings = preparedQuery((db) => db.select({ key: platformSettings.key, value: platformSettings.value }).from(platformSettings).prepare());

export async function readSettings(db: Db | Tx): Promise<PlatformSettings> {
  const rows = await storedSettings().execute();
  const text = JSON.stringify(rows);
  if (text !== parsed.rows) {
    const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
    Object.assign(parsed, { rows: text, settings: Object.freeze(settingsSchema.parse({ ...platformDefaults, ...stored })) });
  }
  return parsed.settings;
}

/** ADM-4: the operator changes limits; every change is audited with the values before and after. */
export async function updateSettings(actor: Actor, input: Record<string, unknown>): Promise<PlatformSettings> {
  return await mutate(actor, 'UpdateSettings', async (tx, note) => {
    authorize(actor, 'settings.manage');
    const before = await readSettings(tx);
    const parsed = settingsSchema.partial().strict().safeParse(input);
    if (!parsed.success) {
      // Every refused setting at once, so the form marks them all.
      const refused = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0] ?? issue.message)))].map((setting) => new CloudError('InvalidParameter.Setting', { setting }, setting));
      throw new CloudError(refused[0].code, refused[0].params, refused[0].field, refused.slice(1));
    }
    const now = clock.now();
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(parsed.data)) {
      if (value === undefined || value === before[key as keyof PlatformSettings]) continue;
      changed[key] = { from: before[key as keyof PlatformSettings], to: value };
      await tx.insert(platformSettings).values({ key, value, updatedAt: now }).onConflictDoUpdate({ target: platformSettings.key, set: { value, updatedAt: now } });
    }
    note.detail = changed;
    return await readSettings(tx);
  });
}
