'use server';

import { revalidatePath } from 'next/cache';
import { settingFromForm, settingKeys, type SettingChange } from '@/components/admin/setting-fields';
import { arg, parseArgs, runAction, type ActionState } from '@/lib/auth/action';
import { readSettings, updateSettings } from '@/lib/services/settings';
import { read } from '@/lib/services/transaction';

/** ADM-4: saves the whole form; answers which settings actually changed, or the refused one. */
export async function saveSettingsAction(_state: ActionState<SettingChange[]>, form: FormData) {
  const result = await runAction(async (actor) => {
    const f = parseArgs(arg.form, form);
    const input = Object.fromEntries(settingKeys.map((key) => [key, settingFromForm(key, f.get(key))]));
    const before = await read(async (db) => await readSettings(db));
    const after = await updateSettings(actor, input);
    return settingKeys.filter((key) => before[key] !== after[key]).map((key): SettingChange => ({ key, from: before[key], to: after[key] }));
  });
  revalidatePath('/admin', 'layout');
  return result;
}
