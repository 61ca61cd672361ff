import { getTranslations } from 'next-intl/server';
import { ScalingGroupForm, type ImageChoice } from '@/components/console/scaling-group-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireSession } from '@/lib/auth/session';
import { listInstanceTypes } from '@/lib/services/catalogue';
import { launchableFamilies, launchableWizardImages, marketplaceLaunchImage, marketplaceLaunchPage, type WizardImage } from '@/lib/services/launch-wizard';
import { createGroupAction } from '../actions';
import { pageTitle } from '@/i18n/page-title';

export const generateMetadata = pageTitle('scalingNew');

const choice = (i: WizardImage): ImageChoice => ({ id: i.id, label: i.productCode ? `${i.name} (${i.productCode})` : i.name });

export default async function NewScalingGroupPage({ searchParams }: { searchParams: Promise<{ image?: string }> }) {
  const { actor, user } = await requireSession();
  const t = await getTranslations();
  const { image } = await searchParams;
  const regionId = user.regionId;
  // The first page of marketplace products (held ones among them), and the one the page was opened with.
  const preselected = image ? await marketplaceLaunchImage(actor, regionId, image) : null;
  const marketplace = [...(preselected ? [preselected] : []), ...(await marketplaceLaunchPage(actor, { regionId })).items.filter((i) => i.id !== preselected?.id)].map(choice);
  const own = (await launchableWizardImages(actor, regionId)).map(choice);
  const families = (await launchableFamilies(actor, regionId)).map((f) => ({ id: `family:${f.imageFamily}`, label: t('scaling.familyChoice', { family: f.imageFamily, image: f.name }) }));
  return (
    <div className="max-w-3xl space-y-5">
      <PageHeader title={t('scaling.newTitle')} subtitle={t('scaling.newSubtitle', { region: t(`regions.${regionId}` as never) })} />
      <ScalingGroupForm regionId={regionId} marketplace={marketplace} images={own} families={families} instanceTypes={(await listInstanceTypes()).map((it) => it.id)} initialImageId={preselected?.id ?? (image && own.some((i) => i.id === image) ? image : undefined)} createAction={createGroupAction} />
    </div>
  );
}
