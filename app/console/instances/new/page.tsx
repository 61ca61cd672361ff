import { PageHeader } from '@/components/ui/page-header';
import { getTranslations } from 'next-intl/server';
import { LaunchWizard } from '@/components/console/launch-wizard';
import { requireSession } from '@/lib/auth/session';
import { listInstanceTypes, listRegions } from '@/lib/services/catalogue';
import { regionLaunchLimits } from '@/lib/services/launch-limits';
import { launchableFamilies, launchableWizardImages, marketplaceLaunchImage, marketplaceLaunchPage } from '@/lib/services/launch-wizard';
import { launchAction, marketplacePageAction, previewLaunchAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('launch');

export default async function LaunchPage({ searchParams }: { searchParams: Promise<{ region?: string; image?: string }> }) {
  const { actor, user } = await requireSession();
  const t = await getTranslations('wizard');
  const regions = (await listRegions()).map((r) => r.id);
  const { region: asked, image: initialImageId } = await searchParams;
  const regionId = asked && regions.includes(asked) ? asked : user.regionId;
  // Issue 13: the first page of marketplace products, and the one the wizard was opened with; the rest on demand.
  const marketplace = await marketplaceLaunchPage(actor, { regionId });
  const preselected = initialImageId ? await marketplaceLaunchImage(actor, regionId, initialImageId) : null;
  return (
    <div className="max-w-5xl space-y-5">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <LaunchWizard key={regionId} launchAction={launchAction} previewAction={previewLaunchAction} marketplaceAction={marketplacePageAction} regionId={regionId} regions={regions} images={await launchableWizardImages(actor, regionId)} families={await launchableFamilies(actor, regionId)} marketplace={marketplace} preselected={preselected} instanceTypes={await listInstanceTypes()} limits={await regionLaunchLimits(actor, regionId)} initialImageId={initialImageId} />
    </div>
  );
}
