// Platform settings (ADM-4): stored values over the defaults of lib/domain/settings.ts.
import { platformSettings } from '../../db/schema';
import { defaultSettings, settingsSchema, type PlatformSettings } from '../domain/settings';
import type { Tx } from './transaction';
import type { Db } from '../../db/client';

export function readSettings(db: Db | Tx): PlatformSettings {
  const stored = Object.fromEntries(db.select().from(platformSettings).all().map((row) => [row.key, row.value]));
  return settingsSchema.parse({ ...defaultSettings, ...stored });
}
