import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getTranslations } from 'next-intl/server';
import { LaunchWizard } from '@/components/console/launch-wizard';
import { requireSession } from '@/lib/auth/session';
import { listInstanceTypes, listLaunchableImages, listRegions } from '@/lib/services/catalogue';
import { regionLaunchLimits } from '@/lib/services/launch-limits';
import { listLicenses } from '@/lib/services/licenses';
import { marketplaceImagesIn } from '@/lib/services/marketplace';
import { launchAction, previewLaunchAction } from '../actions';

export const metadata: Metadata = { title: 'Launch instances' };

export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ region?: string; image?: string }> }) {
  const { actor, user } = await requireSession();
  const t = await getTranslations('wizard');
  const regions = listRegions().map((r) => r.id);
  const { region: asked, image: initialImageId } = await searchParams;
  const regionId = asked && regions.includes(asked) ? asked : user.regionId;
  const images = listLaunchableImages(actor, regionId).map((i) => ({
    id: i.id,
    name: i.name,
    description: i.description,
    platform: i.platform,
    osType: i.osType,
    sizeGib: i.sizeGib,
    // Custom images of other accounts are here because they are shared with this one (SHR-5).
    kind: i.kind === 'custom' && i.ownerAccountId !== actor.accountId ? 'shared' : i.kind,
    productCode: i.productCode,
    productVersion: i.productVersion,
  }));
  // MKT-8: a delisted product's image is offered only to buyers who still hold its licenses here.
  const held = new Set(listLicenses(actor).filter((g) => g.regionId === regionId).map((g) => g.productCode));
  const marketplace = marketplaceImagesIn(regionId)
    .filter((i) => i.productStatus === 'listed' || held.has(i.productCode!))
    .map((i) => ({ id: i.id, name: i.name, description: i.productTitle, platform: i.platform, osType: i.osType, sizeGib: i.sizeGib, kind: 'marketplace', productCode: i.productCode, productVersion: i.productVersion, productStatus: i.productStatus }));
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <LaunchWizard key={regionId} launchAction={launchAction} previewAction={previewLaunchAction} regionId={regionId} regions={regions} images={[...images, ...marketplace]} instanceTypes={listInstanceTypes()} limits={regionLaunchLimits(actor, regionId)} initialImageId={initialImageId} />
    </div>
  );
}
