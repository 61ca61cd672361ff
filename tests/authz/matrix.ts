// The authorization matrix (issue 12): for every use case of lib/services and every ECS API
// action, what each actor gets. matrix.test.ts runs every cell against one world (world.ts)
// and fails on any exported function or API action that has no row here.
//
// A cell is 'ok' (the call succeeds, and its answer carries none of the ids this actor may not
// see: world.visibleTo), 'ignored' (succeeds without effect), or
// the CloudError code the call must fail with: 'Forbidden' (the role may not), a *.NotFound
// (another account's thing behaves as if it did not exist), or a later check's code, which
// shows the actor got past authorization (where a real success needs a long pipeline).
//
// A new use case is one line in serviceRows, e.g. an operator's
//   adjustWallet: [adminOnly, (a, w) => adjustWallet(a, { accountId: w.actors.owner.accountId, amountFen: 100, reason: 'matrix' })],
// or, for a helper that takes a transaction or runs as the platform, its name in notUseCases.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { images, instances, licenses, productVersions } from '../../db/schema';
import type { Actor } from '../../lib/domain/actor';
import { createAccessKey, deleteAccessKey, listAccessKeys, setAccessKeyStatus } from '../../lib/services/access-keys';
import { setPreferredRegion } from '../../lib/services/accounts';
import { listAudit } from '../../lib/services/audit';
import { listLaunchableImages } from '../../lib/services/catalogue';
import { launchableFamilies, launchableWizardImages, marketplaceLaunchImage, marketplaceLaunchPage } from '../../lib/services/launch-wizard';
import { getDelivery, listDeliveries, listFailedDeliveries, replayDelivery } from '../../lib/services/deliveries';
import { freezeInstance, freezeNote, listAllInstances, unfreezeInstance } from '../../lib/services/freezes';
import { imageFromFamily, modifyImageAttribute, modifyProductVersion } from '../../lib/services/image-family';
import { copyImage, createImage, deleteImage, describeImages, describeTasks, getImage, taskStates } from '../../lib/services/images';
import { cancelTask, importImage } from '../../lib/services/imports';
import { completeBoot, describeInstances, getInstance, reInitDisk, releaseInstance, replaceSystemDisk, runInstances, startInstance, stopInstance } from '../../lib/services/instances';
import { modifyInstanceAttribute } from '../../lib/services/instance-attributes';
import { previewLaunch } from '../../lib/services/launch-preview';
import { describeOwnLicenses, getOwnLicense, listLicenses } from '../../lib/services/licenses';
import { listOrders, purchaseLicenses, quoteLicenses } from '../../lib/services/orders';
import { imageUsage, sellerLicense, sellerOrder } from '../../lib/services/seller-sales';
import { getProduct } from '../../lib/services/marketplace';
import { listNotifications, markAllRead, unreadCount } from '../../lib/services/notifications';
import { approveListing, listListingReviews, pendingListingCount, rejectListing } from '../../lib/services/listing-review';
import { createProduct, delistOwnProduct, getMyProduct, listMyProducts, moveInterface, submitProduct, updateProduct } from '../../lib/services/products';
import { debugInterface } from '../../lib/services/interface-debug';
import { removeVersion, setSkus, setVersion } from '../../lib/services/product-versions';
import { approveRefund, getOrder, listRefundRequests, pendingRefundCount, rejectRefund, requestRefund } from '../../lib/services/refunds';
import { requestInvoice, voidInvoice } from '../../lib/services/invoices';
import { applyAsSeller, approveApplication, getApplication, listApplications, myApplication, pendingApplicationCount, rejectApplication } from '../../lib/services/seller-applications';
import { createSellerKey, deleteSellerKey, listSellerKeys } from '../../lib/services/seller-keys';
import { updateSettings } from '../../lib/services/settings';
import { settlement, settlementCsv } from '../../lib/services/settlement';
import { declineImageShare, describeImageSharePermission, modifyImageSharePermission } from '../../lib/services/sharing';
import { spending } from '../../lib/services/spending';
import { createBucket, deleteBucket, deleteObject, describeBuckets, getBucket, grantImportRole, importRoleStatus, listBuckets, putObject } from '../../lib/services/storage';
import { batchDeleteImages, batchInstances, type BatchOutcome } from '../../lib/services/batch';
import { quoteRenewal, renewInstance } from '../../lib/services/subscriptions';
import { topUpWallet, walletBalance, walletEntries } from '../../lib/services/wallet';
import { adjustWallet, findAccount } from '../../lib/services/wallet-adjustments';
import { regionLaunchLimits } from '../../lib/services/launch-limits';
import { createScalingGroup, deleteScalingGroup, describeScalingActivities, describeScalingGroups, getScalingGroup, modifyScalingGroup, quoteGroupReservation, reserveGroupLicenses, scheduleDesiredCapacity, setDesiredCapacity } from '../../lib/services/scaling-groups';
import { reconcileGroup } from '../../lib/services/scaling-reconcile';
import { actorNames, applicationForm, PRODUCT, productInfo, REGION, TYPE, unique, type Who, type World } from './world';

export type Outcome = 'ok' | 'ignored' | (string & {});
export type Cells = Record<Who, Outcome>;
/** [expectations, the call; optionally whether the call took effect, for 'ignored' cells]. */
export type Row = [Cells, (actor: Actor, w: World) => unknown, ((result: unknown) => boolean)?];

const cells = (fill: Outcome, set: Partial<Cells> = {}): Cells => ({ ...(Object.fromEntries(actorNames.map((n) => [n, fill])) as Cells), ...set });
/** Everyone may; each acts on its own account (the answer is checked for others' ids). */
const everyone = cells('ok');
/** Only the owner; to the others the thing does not exist. */
const ownerOnly = (notFound: string, set: Partial<Cells> = {}) => cells(notFound, { owner: 'ok', ...set });
const adminOnly = cells('Forbidden', { admin: 'ok' });
/** Sellers only, each on its own things: the rival seller does not find the seller's. */
const sellerOnly = (rival: Outcome, seller: Outcome = 'ok') => cells('Forbidden', { seller, rival });

/** A batch reports each item's refusal instead of throwing it (issue 16): the matrix reads the one item's outcome. */
const onlyOutcome = ([outcome]: BatchOutcome[]) => {
  if (!outcome.ok) throw outcome.error;
  return outcome;
};

const NO_INSTANCE = 'InvalidInstanceId.NotFound';
const NO_IMAGE = 'InvalidImageId.NotFound';
const NO_PRODUCT = 'InvalidProductCode.NotFound';
const NO_ORDER = 'InvalidOrderId.NotFound';
const NO_BUCKET = 'InvalidOSSBucket.NotFound';
const NO_GROUP = 'InvalidScalingGroupId.NotFound';
/** The first license an order bought (the Marketplace API's market instance). */
const licenseOf = async (orderId: string) => (await getDb().select().from(licenses).where(eq(licenses.orderId, orderId)).limit(1)).at(0)!.id;
const sale = { productCode: PRODUCT, skuCode: `${PRODUCT}-per_instance`, regionId: REGION, quantity: 1 };
/** Issue 17: the owner's golden image joins a family, so resolving it shows whom the image is visible to. */
const FAMILY = 'matrix-golden';
const inFamily = async (imageId: string) => await getDb().update(images).set({ imageFamily: FAMILY }).where(eq(images.id, imageId));
const versionOf = async (code: string) => (await getDb().select().from(productVersions).where(eq(productVersions.productCode, code)).limit(1)).at(0)!.version;
const statusOf = async (id: string) => (await getDb().select().from(instances).where(eq(instances.id, id)).limit(1)).at(0)!.status;
const upload = async (a: Actor, bucketId: string) => await putObject(a, { bucketId, key: unique('k'), contentLength: 4, body: Readable.from([Buffer.from('data')]) });

/** One line per use case, grouped by module. */
export const serviceRows = new Map<string, Row>(
  Object.entries({
    // access-keys
    createAccessKey: [everyone, async (a) => await createAccessKey(a)],
    listAccessKeys: [everyone, async (a) => await listAccessKeys(a)],
    setAccessKeyStatus: [ownerOnly('InvalidAccessKeyId.NotFound'), async (a, w) => await setAccessKeyStatus(a, await w.fresh.accessKey(), 'disabled')],
    deleteAccessKey: [ownerOnly('InvalidAccessKeyId.NotFound'), async (a, w) => await deleteAccessKey(a, await w.fresh.accessKey())],
    // accounts
    setPreferredRegion: [everyone, async (a) => await setPreferredRegion(a, 'cn-shanghai')],
    // audit
    listAudit: [adminOnly, async (a) => await listAudit(a)],
    // catalogue
    listLaunchableImages: [everyone, async (a) => await listLaunchableImages(a, REGION)],
    // launch-wizard
    launchableWizardImages: [everyone, async (a) => await launchableWizardImages(a, REGION)],
    marketplaceLaunchPage: [everyone, async (a) => await marketplaceLaunchPage(a, { regionId: REGION })],
    launchableFamilies: [everyone, async (a, w) => (await inFamily(w.image), await launchableFamilies(a, REGION))],
    marketplaceLaunchImage: [everyone, async (a, w) => await marketplaceLaunchImage(a, REGION, w.image)],
    // deliveries
    listDeliveries: [sellerOnly('ok'), async (a) => await listDeliveries(a)],
    getDelivery: [sellerOnly('InvalidDelivery.NotFound'), async (a, w) => await getDelivery(a, w.delivery)],
    replayDelivery: [sellerOnly('InvalidDelivery.NotFound'), async (a, w) => await replayDelivery(a, w.delivery)],
    listFailedDeliveries: [sellerOnly('ok'), async (a) => await listFailedDeliveries(a)],
    // freezes
    listAllInstances: [adminOnly, async (a) => await listAllInstances(a)],
    freezeInstance: [adminOnly, async (a, w) => await freezeInstance(a, await w.fresh.runningInstance(), { note: 'matrix' })],
    unfreezeInstance: [adminOnly, async (a, w) => await unfreezeInstance(a, await w.fresh.frozenInstance())],
    freezeNote: [ownerOnly(NO_INSTANCE), async (a, w) => await freezeNote(a, w.instance)],
    // images
    createImage: [ownerOnly(NO_INSTANCE), async (a, w) => await createImage(a, { instanceId: w.instance, name: unique('image') })],
    copyImage: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), async (a, w) => await copyImage(a, { imageId: w.image, destinationRegionId: 'cn-shanghai', name: unique('copy') })],
    deleteImage: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), async (a, w) => await deleteImage(a, await w.fresh.sharedImage())],
    batchDeleteImages: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), async (a, w) => onlyOutcome(await batchDeleteImages(a, [await w.fresh.sharedImage()]))],
    describeImages: [everyone, async (a, w) => await describeImages(a, { regionId: REGION, imageId: w.image })],
    getImage: [ownerOnly(NO_IMAGE, { recipient: 'ok' }), async (a, w) => await getImage(a, w.image)],
    describeTasks: [everyone, async (a) => await describeTasks(a)],
    // image-family (issue 17): the owner's image is in the family for the owner and the recipient only
    imageFromFamily: [everyone, async (a, w) => (await inFamily(w.image), await imageFromFamily(a, REGION, FAMILY))],
    modifyImageAttribute: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), async (a, w) => await modifyImageAttribute(a, { imageId: w.image, imageFamily: FAMILY })],
    modifyProductVersion: [sellerOnly(NO_PRODUCT), async (a) => await modifyProductVersion(a, PRODUCT, await versionOf(PRODUCT), { imageFamily: 'matrix-lnmp' })],
    taskStates: [everyone, async (a, w) => await taskStates(a, [w.task])],
    // imports (every actor holds the import role: what is checked is whose bucket it is)
    importImage: [ownerOnly(NO_BUCKET), async (a, w) => await importImage(a, { regionId: REGION, imageName: unique('import'), diskDeviceMappings: [{ ossBucket: w.bucket.name, ossObject: 'disk.raw' }] })],
    cancelTask: [ownerOnly('InvalidTaskId.NotFound'), async (a, w) => await cancelTask(a, await w.fresh.openTask())],
    // instances
    runInstances: [ownerOnly(NO_IMAGE, { recipient: 'ok' }), async (a, w) => await runInstances(a, { regionId: REGION, imageId: w.image, instanceTypeId: TYPE, amount: 1 })],
    describeInstances: [everyone, async (a) => await describeInstances(a)],
    getInstance: [ownerOnly(NO_INSTANCE), async (a, w) => await getInstance(a, w.instance)],
    modifyInstanceAttribute: [ownerOnly(NO_INSTANCE), async (a, w) => await modifyInstanceAttribute(a, { instanceId: w.instance, instanceName: unique('renamed') })],
    startInstance: [ownerOnly(NO_INSTANCE), async (a, w) => await startInstance(a, await w.fresh.stoppedInstance())],
    stopInstance: [ownerOnly(NO_INSTANCE), async (a, w) => await stopInstance(a, await w.fresh.runningInstance())],
    batchInstances: [ownerOnly(NO_INSTANCE), async (a, w) => onlyOutcome(await batchInstances(a, 'stop', [await w.fresh.runningInstance()]))],
    releaseInstance: [ownerOnly(NO_INSTANCE), async (a, w) => await releaseInstance(a, await w.fresh.runningInstance())],
    // The boot job's step: an actor boots only its own account's pending instances.
    completeBoot: [ownerOnly('ignored'), async (a, w) => { const id = await w.fresh.pendingInstance(); await completeBoot(a, [id]); return statusOf(id); }, (status) => status === 'Running'],
    replaceSystemDisk: [ownerOnly(NO_INSTANCE), async (a, w) => await replaceSystemDisk(a, { instanceId: await w.fresh.stoppedInstance(), imageId: w.systemImage })],
    reInitDisk: [ownerOnly(NO_INSTANCE), async (a, w) => await reInitDisk(a, await w.fresh.stoppedInstance())],
    // launch-preview
    previewLaunch: [ownerOnly(NO_IMAGE, { recipient: 'ok' }), async (a, w) => await previewLaunch(a, { regionId: REGION, imageId: w.image, instanceTypeId: TYPE, amount: 1 })],
    // licenses
    purchaseLicenses: [everyone, async (a) => await purchaseLicenses(a, sale)],
    quoteLicenses: [everyone, async (a) => await quoteLicenses(a, sale)],
    listLicenses: [everyone, async (a) => await listLicenses(a)],
    describeOwnLicenses: [everyone, async (a) => await describeOwnLicenses(a)],
    getOwnLicense: [ownerOnly(NO_INSTANCE), async (a, w) => await getOwnLicense(a, await licenseOf(w.order))],
    listOrders: [everyone, async (a) => await listOrders(a)],
    // marketplace (public: the actor only adds its own licenses)
    getProduct: [everyone, async (a) => await getProduct(PRODUCT, a)],
    // notifications
    unreadCount: [everyone, async (a) => await unreadCount(a)],
    listNotifications: [everyone, async (a) => await listNotifications(a)],
    markAllRead: [everyone, async (a) => await markAllRead(a)],
    // publishing (the seller's draft has no interface URL and is incomplete: those checks come after ownership)
    createProduct: [sellerOnly('ok'), async (a) => await createProduct(a, { ...productInfo, title: unique('Matrix product') })],
    updateProduct: [sellerOnly(NO_PRODUCT), async (a, w) => await updateProduct(a, w.draft, productInfo)],
    moveInterface: [sellerOnly(NO_PRODUCT), async (a, w) => await moveInterface(a, await w.fresh.listedProduct(), { interfaceUrl: 'https://seller.example.com/moved' })],
    setVersion: [sellerOnly(NO_PRODUCT), async (a, w) => await setVersion(a, w.draft, { version: '1.0.0', imageIds: [] })],
    removeVersion: [sellerOnly(NO_PRODUCT), async (a, w) => await removeVersion(a, w.draft, '9.9.9')],
    setSkus: [sellerOnly(NO_PRODUCT), async (a, w) => await setSkus(a, w.draft, [{ pricingModel: 'per_instance', priceFen: 100 }])],
    debugInterface: [sellerOnly(NO_PRODUCT, 'InvalidParameter.InterfaceUrl'), async (a, w) => await debugInterface(a, w.draft, 'newInstance')],
    listMyProducts: [sellerOnly('ok'), async (a) => await listMyProducts(a)],
    getMyProduct: [sellerOnly(NO_PRODUCT), async (a, w) => await getMyProduct(a, w.draft)],
    submitProduct: [sellerOnly(NO_PRODUCT, 'InvalidListing.Incomplete'), async (a, w) => await submitProduct(a, w.draft)],
    delistOwnProduct: [sellerOnly(NO_PRODUCT), async (a, w) => await delistOwnProduct(a, await w.fresh.listedProduct())],
    listListingReviews: [adminOnly, async (a) => await listListingReviews(a)],
    approveListing: [cells('Forbidden', { admin: 'InvalidListing.Incomplete' }), async (a, w) => await approveListing(a, await w.fresh.reviewProduct())],
    rejectListing: [adminOnly, async (a, w) => await rejectListing(a, await w.fresh.reviewProduct(), { note: 'matrix' })],
    pendingListingCount: [adminOnly, async (a) => await pendingListingCount(a)],
    // refunds and invoices
    getOrder: [ownerOnly(NO_ORDER), async (a, w) => await getOrder(a, w.order)],
    requestRefund: [ownerOnly(NO_ORDER), async (a, w) => await requestRefund(a, { orderId: await w.fresh.order(), reason: 'matrix' })],
    approveRefund: [adminOnly, async (a, w) => await approveRefund(a, await w.fresh.refund())],
    rejectRefund: [adminOnly, async (a, w) => await rejectRefund(a, await w.fresh.refund(), { note: 'matrix' })],
    listRefundRequests: [adminOnly, async (a) => await listRefundRequests(a)],
    pendingRefundCount: [adminOnly, async (a) => await pendingRefundCount(a)],
    requestInvoice: [ownerOnly(NO_ORDER), async (a, w) => await requestInvoice(a, { orderId: await w.fresh.order(), title: 'Matrix Ltd.' })],
    voidInvoice: [ownerOnly(NO_ORDER), async (a, w) => await voidInvoice(a, await w.fresh.invoicedOrder())],
    // seller-applications (the owner's application is pending; approved sellers do not apply)
    applyAsSeller: [cells('ok', { owner: 'InvalidSellerApplication.Pending', seller: 'InvalidSellerApplication.AlreadySeller', rival: 'InvalidSellerApplication.AlreadySeller' }), async (a) => await applyAsSeller(a, applicationForm)],
    myApplication: [everyone, async (a) => await myApplication(a)],
    getApplication: [ownerOnly('InvalidSellerApplicationId.NotFound', { admin: 'ok' }), async (a, w) => await getApplication(a, w.application)],
    listApplications: [adminOnly, async (a) => await listApplications(a)],
    pendingApplicationCount: [adminOnly, async (a) => await pendingApplicationCount(a)],
    approveApplication: [adminOnly, async (a, w) => await approveApplication(a, await w.fresh.application())],
    rejectApplication: [adminOnly, async (a, w) => await rejectApplication(a, await w.fresh.application(), { note: 'matrix' })],
    // seller-sales: the seller's own orders, licenses and instances running its images
    sellerOrder: [sellerOnly(NO_ORDER), async (a, w) => await sellerOrder(a, w.order)],
    sellerLicense: [sellerOnly(NO_INSTANCE), async (a, w) => await sellerLicense(a, await licenseOf(w.order))],
    imageUsage: [sellerOnly('ok'), async (a, w) => await imageUsage(a, { instanceId: w.productInstance })],
    // seller-keys
    createSellerKey: [sellerOnly('ok'), async (a, w) => (await w.dropSpareSellerKeys(), await createSellerKey(a))],
    listSellerKeys: [sellerOnly('ok'), async (a) => await listSellerKeys(a)],
    deleteSellerKey: [sellerOnly('InvalidSellerKey.NotFound'), async (a, w) => await deleteSellerKey(a, await w.fresh.sellerKey())],
    // settings
    updateSettings: [adminOnly, async (a) => await updateSettings(a, {})],
    // settlement
    settlement: [sellerOnly('ok'), async (a) => await settlement(a)],
    settlementCsv: [sellerOnly('ok'), async (a) => await settlementCsv(a, {}, { month: 'm', productCode: 'c', product: 'p', orders: 'o', refunds: 'r', hours: 'h', ordersFen: 'of', refundsFen: 'rf', hourlyFen: 'hf', netFen: 'n', commissionFen: 'c', payableFen: 'p', total: 't' })],
    // sharing: the recipient may not re-share (SHR-1) and may decline; the owner may not decline its own
    modifyImageSharePermission: [ownerOnly(NO_IMAGE, { recipient: 'InvalidImage.NotShareable' }), async (a, w) => await modifyImageSharePermission(a, { imageId: w.image, addAccounts: [w.actors.recipient.accountId] })],
    describeImageSharePermission: [ownerOnly(NO_IMAGE), async (a, w) => await describeImageSharePermission(a, w.image)],
    declineImageShare: [cells(NO_IMAGE, { recipient: 'ok' }), async (a, w) => await declineImageShare(a, await w.fresh.sharedImage())],
    // spending
    spending: [everyone, async (a) => await spending(a)],
    // storage
    createBucket: [everyone, async (a) => await createBucket(a, { regionId: REGION, name: unique('bucket') })],
    listBuckets: [everyone, async (a) => await listBuckets(a, REGION)],
    describeBuckets: [everyone, async (a) => await describeBuckets(a, { regionId: REGION })],
    deleteBucket: [ownerOnly(NO_BUCKET), async (a, w) => await deleteBucket(a, await w.fresh.bucket())],
    getBucket: [ownerOnly(NO_BUCKET), async (a, w) => await getBucket(a, w.bucket.id)],
    putObject: [ownerOnly(NO_BUCKET), async (a, w) => await upload(a, w.bucket.id)],
    deleteObject: [ownerOnly('InvalidOSSObject.NotFound'), async (a, w) => await deleteObject(a, await w.fresh.object())],
    importRoleStatus: [everyone, async (a) => await importRoleStatus(a)],
    grantImportRole: [everyone, async (a) => await grantImportRole(a)],
    // subscriptions (the owner's instance is pay-as-you-go: that check comes after ownership)
    renewInstance: [ownerOnly(NO_INSTANCE, { owner: 'InvalidInstance.NotSubscription' }), async (a, w) => await renewInstance(a, { instanceId: w.instance, periods: 1 })],
    quoteRenewal: [ownerOnly(NO_INSTANCE, { owner: 'InvalidInstance.NotSubscription' }), async (a, w) => await quoteRenewal(a, { instanceId: w.instance, periods: 1 })],
    // wallet
    // The suite runs in test mode, where the simulated payment exists (wallet.test.ts: refused in production).
    topUpWallet: [everyone, async (a) => await topUpWallet(a, { amountFen: 100 })],
    // wallet-adjustments
    adjustWallet: [adminOnly, async (a, w) => await adjustWallet(a, { accountId: w.actors.owner.accountId, amountFen: 100, reason: 'matrix' })],
    findAccount: [adminOnly, async (a, w) => await findAccount(a, w.actors.owner.accountId)],
    // scaling-groups, scaling-reconcile (MKT-9): a group is its owner's
    createScalingGroup: [everyone, async (a, w) => await createScalingGroup(a, { name: unique('group'), regionId: REGION, imageId: w.systemImage, instanceTypeId: TYPE, minSize: 0, maxSize: 1 })],
    modifyScalingGroup: [ownerOnly(NO_GROUP), async (a, w) => await modifyScalingGroup(a, w.group, { maxSize: 3 })],
    setDesiredCapacity: [ownerOnly(NO_GROUP), async (a, w) => await setDesiredCapacity(a, w.group, 0)],
    scheduleDesiredCapacity: [ownerOnly(NO_GROUP), async (a, w) => await scheduleDesiredCapacity(a, w.group, { runAt: new Date(Date.now() + 86_400_000), desired: 0 })],
    reserveGroupLicenses: [ownerOnly(NO_GROUP), async (a, w) => await reserveGroupLicenses(a, w.group, { quantity: 0, amountFen: 0 })],
    quoteGroupReservation: [ownerOnly(NO_GROUP), async (a, w) => await quoteGroupReservation(a, w.group)],
    deleteScalingGroup: [ownerOnly(NO_GROUP), async (a, w) => await deleteScalingGroup(a, await w.fresh.group())],
    describeScalingGroups: [everyone, async (a) => await describeScalingGroups(a)],
    getScalingGroup: [ownerOnly(NO_GROUP), async (a, w) => await getScalingGroup(a, w.group)],
    describeScalingActivities: [ownerOnly(NO_GROUP), async (a, w) => await describeScalingActivities(a, w.group)],
    reconcileGroup: [ownerOnly(NO_GROUP), async (a, w) => await reconcileGroup(a, w.group, 'desired')],
    // launch-limits
    regionLaunchLimits: [everyone, async (a) => await regionLaunchLimits(a, REGION)],
    walletEntries: [everyone, async (a) => await walletEntries(a)],
    walletBalance: [everyone, async (a) => await walletBalance(a)],
  } satisfies Record<string, Row>),
);

/**
 * Exports of lib/services that are not use cases: they take a transaction or an account id
 * (called inside a use case that checked its actor), run as the platform (jobs), or are public.
 */
export const notUseCases = new Set([
  // access-keys, accounts: the API's key lookup and sign-up
  'activeKey', 'claimNonce', 'nonceUsed', 'createAccount', 'loadActor',
  // transaction: a seed's or script's own connection
  'transactionOn',
  // catalogue, marketplace: public catalogue and helpers taking a transaction
  'listRegions', 'listInstanceTypes', 'requireRegion', 'isSharedWith', 'requireVisibleImage', 'findVisibleImage', 'findRegion', 'offeringImages',
  'listCategories', 'featuredProducts', 'searchProducts', 'versionImagesOf', 'listVisibleImages',
  // the public marketplace reads' cache (marketplace-cache)
  'publicRead', 'marketplaceRevision',
  // jobs and the platform's sweeps
  'deliverDue', 'advanceImageTask', 'advanceImport', 'settleHours', 'sweepHours', 'expireSubscriptions', 'releaseExpired', 'endUnusedLicenses', 'sweepSubscriptions',
  'enqueueJob', 'claimDueJobs', 'runJobsTogether', 'completeJob', 'ensureRecurringJob', 'completeRecurringJob', 'failJob',
  // inside a use case's transaction
  'familyImageIn', 'familyNamesIn', 'withFamilyImage',
  // lists' SQL pieces and the batch's choice of single-item use case (issue 16)
  'searchTerms', 'orderFor', 'lifecycleChange',
  'once', 'imagesCountedInQuota', 'assertRoomForImage', 'assertImageNameFree', 'moveInstance', 'bookId', 'ensureBook', 'transfer', 'postTransfers', 'balanceOf', 'platformBook',
  'requirePublicProduct', 'isOfferedIn', 'licenseViews', 'requireOwnOrder', 'buyLicenses', 'paySale', 'availableLicenseCount', 'poolHourlyFees', 'consumeLicenses', 'returnLicense',
  'notify', 'indexProduct', 'matchProducts', 'indexProductPg', 'matchProductsPg', 'tellSeller', 'periodOf', 'tellSellerAbout', 'signingKey', 'readSettings',
  'requireBucket', 'bucketByName', 'hasImportRole', 'assertNotInArrears', 'creditWallet', 'shiftMonth', 'requireOwnProduct', 'listingProblemsOf',
  // files, secrets, seller HTTP, the transaction itself
  'objectPath', 'diskPath', 'writeObjectFile', 'removeFile', 'readEnds', 'copyRange', 'random62', 'encrypt', 'decrypt', 'callSeller',
  'auditCall', 'auditRefusedCall', 'wasAudited', 'mutate', 'read', 'savepoint',
  // money in from the payment gateway (its signature is the caller's proof), inside a transaction
  'handlePaymentNotification', 'recordGatewayPayment', 'payIn',
  // scaling groups: a new attempt for failing groups, inside the payment's or purchase's transaction
  'retryFailingGroups',
  // launch limits inside the launch's transaction; sign-in throttling before anyone is signed in
  'callTransaction', 'infrastructure', 'usageQuery', 'lockedUsageQuery', 'launchLimits', 'loadLaunchFacts', 'startSignIn', 'assertSignUpAllowed',
  // the operator's shell command (npm run admin): whoever runs it owns the machine
  'setAdmin',
  // scaling groups: helpers inside a use case, and the group's job and sweep (as its owner's standing instruction)
  'requireOwnGroup', 'groupMembers', 'poolOfGroup', 'unitPriceOf', 'isHourlySku', 'imageProductCode', 'reconcileGroupFor', 'sweepScalingGroups',
  // the budget of refused anonymous calls per client address
  'assertRefusalBudget', 'spendRefusal', 'memoryLimiter', 'storedLimiter',
]);

// ─── The ECS API ─────────────────────────────────────────────────────────────

export type ApiRow = [Cells, (w: World) => Record<string, string> | Promise<Record<string, string>>];

/** Refused before any action runs, the same for every action. */
export const apiRefusals = { anonymous: 'MissingParameter', invalidKey: 'InvalidAccessKeyId.NotFound' } as const;

const diskOf = (instanceId: string) => `d-${instanceId.slice(2)}`;

export const apiRows = new Map<string, ApiRow>(
  Object.entries({
    DescribeRegions: [everyone, () => ({})],
    DescribeInstanceTypes: [everyone, () => ({})],
    DescribeImages: [everyone, (w) => ({ RegionId: REGION, ImageId: w.image })],
    DescribeImageFromFamily: [everyone, async (w) => (await inFamily(w.image), { RegionId: REGION, ImageFamily: FAMILY })],
    ModifyImageAttribute: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), (w) => ({ ImageId: w.image, ImageFamily: FAMILY })],
    CreateImage: [ownerOnly(NO_INSTANCE), (w) => ({ InstanceId: w.instance, ImageName: unique('api-image') })],
    CopyImage: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), (w) => ({ ImageId: w.image, DestinationRegionId: 'cn-shanghai', DestinationImageName: unique('api-copy') })],
    ImportImage: [ownerOnly(NO_BUCKET), (w) => ({ RegionId: REGION, ImageName: unique('api-import'), 'DiskDeviceMapping.1.OSSBucket': w.bucket.name, 'DiskDeviceMapping.1.OSSObject': 'disk.raw' })],
    DescribeTasks: [everyone, () => ({})],
    CancelTask: [ownerOnly('InvalidTaskId.NotFound'), async (w) => ({ TaskId: await w.fresh.openTask() })],
    DeleteImage: [ownerOnly(NO_IMAGE, { recipient: 'Forbidden' }), async (w) => ({ ImageId: await w.fresh.sharedImage() })],
    ModifyImageSharePermission: [ownerOnly(NO_IMAGE, { recipient: 'InvalidImage.NotShareable' }), (w) => ({ ImageId: w.image, 'AddAccount.1': w.actors.recipient.accountId })],
    DescribeImageSharePermission: [ownerOnly(NO_IMAGE), (w) => ({ ImageId: w.image })],
    RunInstances: [ownerOnly(NO_IMAGE, { recipient: 'ok' }), (w) => ({ RegionId: REGION, ImageId: w.image, InstanceType: TYPE })],
    DescribeInstances: [everyone, (w) => ({ RegionId: REGION, InstanceIds: JSON.stringify([w.instance]) })],
    StartInstance: [ownerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await w.fresh.stoppedInstance() })],
    StopInstance: [ownerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await w.fresh.runningInstance() })],
    DeleteInstance: [ownerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await w.fresh.runningInstance() })],
    ModifyInstanceAttribute: [ownerOnly(NO_INSTANCE), (w) => ({ InstanceId: w.instance, InstanceName: unique('api-renamed') })],
    ReplaceSystemDisk: [ownerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await w.fresh.stoppedInstance(), ImageId: w.systemImage })],
    ReInitDisk: [ownerOnly(NO_INSTANCE), async (w) => ({ DiskId: diskOf(await w.fresh.stoppedInstance()) })],
  } satisfies Record<string, ApiRow>),
);

/** The Cloud Marketplace dialect (issue 18): the same callers, Version=2015-11-01. */
export const marketApiRows = new Map<string, ApiRow>(
  Object.entries({
    DescribeProducts: [everyone, () => ({ SearchTerm: 'LNMP' })],
    DescribeProduct: [everyone, () => ({ Code: PRODUCT })],
    DescribePrice: [everyone, () => ({ OrderType: 'INSTANCE_BUY', Commodity: JSON.stringify({ ...sale, properties: { regionId: REGION } }) })],
    CreateOrder: [everyone, () => ({ OrderType: 'INSTANCE_BUY', Commodity: JSON.stringify({ ...sale, properties: { regionId: REGION } }) })],
    DescribeOrder: [ownerOnly(NO_ORDER), (w) => ({ OrderId: w.order })],
    DescribeInstances: [everyone, () => ({})],
    DescribeInstance: [ownerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await licenseOf(w.order) })],
    DescribeOrderForIsv: [sellerOnly(NO_ORDER), (w) => ({ OrderId: w.order })],
    DescribeInstanceForIsv: [sellerOnly(NO_INSTANCE), async (w) => ({ InstanceId: await licenseOf(w.order) })],
    DescribeImageInstanceForIsv: [sellerOnly(NO_INSTANCE), (w) => ({ EcsInstanceId: w.productInstance })],
    DescribeFailedNotifications: [sellerOnly('ok'), () => ({})],
  } satisfies Record<string, ApiRow>),
);

/** The Auto Scaling dialect (MKT-9): Version=2014-08-28; a group is its owner's. */
export const essApiRows = new Map<string, ApiRow>(
  Object.entries({
    CreateScalingGroup: [everyone, (w) => ({ RegionId: REGION, ScalingGroupName: unique('api-group'), ImageId: w.systemImage, InstanceType: TYPE, MinSize: '0', MaxSize: '1' })],
    DescribeScalingGroups: [everyone, () => ({ RegionId: REGION })],
    ModifyScalingGroup: [ownerOnly(NO_GROUP), (w) => ({ ScalingGroupId: w.group, MaxSize: '2' })],
    DeleteScalingGroup: [ownerOnly(NO_GROUP), async (w) => ({ ScalingGroupId: await w.fresh.group() })],
    DescribeScalingActivities: [ownerOnly(NO_GROUP), (w) => ({ RegionId: REGION, ScalingGroupId: w.group })],
    SetGroupDesiredCapacity: [ownerOnly(NO_GROUP), (w) => ({ ScalingGroupId: w.group, DesiredCapacity: '0' })],
  } satisfies Record<string, ApiRow>),
);
