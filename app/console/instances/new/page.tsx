import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { LaunchWizard } from '@/components/console/launch-wizard';
import { requireSession } from '@/lib/auth/session';
import { listInstanceTypes, listLaunchableImages, listRegions } from '@/lib/services/catalogue';

export const metadata: Metadata = { title: 'Launch instances' };

export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ region?: string }> }) {
  const { actor, user } = await requireSession();
  const t = await getTranslations('wizard');
  const regions = listRegions().map((r) => r.id);
  const asked = (await searchParams).region;
  const regionId = asked && regions.includes(asked) ? asked : user.regionId;
  const images = listLaunchableImages(actor, regionId).map((i) => ({
    id: i.id,
    name: i.name,
    description: i.description,
    platform: i.platform,
    osType: i.osType,
    sizeGib: i.sizeGib,
    kind: i.kind,
  }));
  return (
    <div className="max-w-5xl space-y-5">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-sm text-slate-600">{t('subtitle')}</p>
      </div>
      <LaunchWizard key={regionId} regionId={regionId} regions={regions} images={images} instanceTypes={listInstanceTypes()} />
    </div>
  );
}
