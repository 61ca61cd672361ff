import { getTranslations } from 'next-intl/server';
import { SettingsForm } from '@/components/admin/settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { platformDefaults, readSettings } from '@/lib/services/settings';
import { read } from '@/lib/services/transaction';
import { requireAdmin } from '../require-admin';
import { saveSettingsAction } from './actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('adminSettings');

export default async function SettingsPage() {
  await requireAdmin();
  const t = await getTranslations('admin.settings');
  return (
    <div className="space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <SettingsForm settings={await read(async (db) => await readSettings(db))} defaults={platformDefaults} saveAction={saveSettingsAction} />
    </div>
  );
}
