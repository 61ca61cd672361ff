// The CloudError catalogue: every error a service may raise, with the HTTP status the ECS API
// answers for it. Codes and statuses follow the seeds (e.g. 003's ImportImage table) and
// Alibaba's ECS API. The words a person reads live in messages/*.json under errors.<code>
// (dots as underscores), in English and 简体中文.

export const errorCatalogue = {
  // Parameters (IMP-3, API-2)
  MissingParameter: 400,
  InvalidParameter: 400,
  'InvalidParameter.Amount': 400,
  'InvalidInstanceName.Malformed': 400,
  'InvalidImageName.Malformed': 400,
  'InvalidImageName.Duplicated': 400,
  'InvalidDescription.Malformed': 400,
  'InvalidArchitecture.Malformed': 400,
  'InvalidPlatform.Malformed': 400,
  'InvalidOSType.Malformed': 400,
  'InvalidFormat.Malformed': 400,
  InvalidImageSize: 400,
  'InvalidAccount.Malformed': 400,
  'InvalidAccount.NotFound': 404,
  'InvalidAccount.Self': 400,
  'InvalidParameter.AddAndRemove': 400,
  // Sharing (SHR-1, SHR-3, SHR-4, SHR-9)
  'InvalidImage.NotShareable': 403,
  'QuotaExceed.ShareImageUser': 403,
  'QuotaExceed.ShareImageDaily': 403,
  'InvalidImage.Unavailable': 403,
  'InvalidInstanceType.ValueNotSupported': 400,
  'InvalidPageSize.Malformed': 400,
  'InvalidPageNumber.Malformed': 400,
  'InvalidParameter.Quantity': 400,
  'InvalidParameter.TopUpAmount': 400,
  'InvalidSku.HourlyWithInstance': 400,
  // Object storage (IMP-1)
  InvalidBucketName: 400,
  InvalidObjectName: 400,
  BucketAlreadyExists: 409,
  BucketNotEmpty: 409,
  'InvalidOSSBucket.NotFound': 404,
  'InvalidOSSObject.NotFound': 404,
  EntityTooLarge: 400,
  // An API request body over the server's limit (STRATUS_API_MAX_BODY_BYTES)
  RequestEntityTooLarge: 413,
  IncompleteBody: 400,
  IncorrectTaskStatus: 403,
  // Regions (IMP-5)
  'RegionId.NotFound': 400,
  'InvalidRegion.NotSupport': 403,
  // Resources that do not exist — or belong to someone else, which must look the same
  'InvalidImageId.NotFound': 404,
  'InvalidInstanceId.NotFound': 404,
  'InvalidTaskId.NotFound': 404,
  'InvalidProductCode.NotFound': 404,
  'InvalidSkuCode.NotFound': 404,
  // Marketplace (MKT-8, MKT-1)
  'InvalidProduct.Delisted': 403,
  'InvalidRegion.NotOffered': 403,
  // Money
  'InvalidAccountStatus.NotEnoughBalance': 403,
  // MKT-12: Alibaba's code for an account with an unpaid balance
  'Account.Arrearage': 403,
  // Money coming in (issue 12): no simulated payment in production; admin adjustments; the gateway
  'OperationDenied.SimulatedPayment': 403,
  'InvalidParameter.AdjustmentAmount': 400,
  'InvalidParameter.AdjustmentReason': 400,
  'InvalidAdjustment.ExceedsBalance': 403,
  'PaymentNotification.Disabled': 404,
  'PaymentSignature.Invalid': 401,
  'PaymentSignature.Expired': 401,
  'InvalidPayment.MalformedBody': 400,
  'InvalidPayment.Conflict': 409,
  // Orders, renewals, refunds and invoices (MKT-11, REF-1 … REF-7)
  'InvalidOrderId.NotFound': 404,
  // A purchase confirmed after its review, when what it would buy now is not what was reviewed (MKT-9's reserve)
  'InvalidOrder.QuoteChanged': 409,
  IncorrectOrderStatus: 403,
  'InvalidParameter.Period': 400,
  'InvalidInstance.NotSubscription': 403,
  'InvalidParameter.RefundReason': 400,
  'InvalidRefund.WindowClosed': 403,
  'InvalidRefund.Deployed': 403,
  'InvalidRefund.YearlyLimit': 403,
  'InvalidRefund.InvoiceIssued': 403,
  'InvalidRefund.Pending': 403,
  'InvalidRefund.LaterRenewal': 403,
  'InvalidRefundId.NotFound': 404,
  IncorrectRefundStatus: 403,
  'InvalidParameter.DecisionNote': 400,
  'InvalidInvoice.Issued': 403,
  'InvalidInvoice.NotFound': 404,
  'InvalidParameter.InvoiceTitle': 400,
  // Seller keys and deliveries (SEL-2, SEL-5)
  'QuotaExceed.SellerKey': 403,
  'InvalidSellerKey.NotFound': 404,
  'InvalidDelivery.NotFound': 404,
  // Seller onboarding (SEL-1)
  'InvalidParameter.CompanyName': 400,
  'InvalidParameter.FoundedOn': 400,
  'InvalidParameter.RegisteredCapital': 400,
  'InvalidParameter.StaffCount': 400,
  'InvalidParameter.ContactEmail': 400,
  'SellerCondition.CompanyAge': 403,
  'SellerCondition.RegisteredCapital': 403,
  'SellerCondition.StaffCount': 403,
  'SellerCondition.SupportHours': 403,
  'SellerCondition.Agreement': 403,
  'InvalidSellerApplication.Pending': 403,
  'InvalidSellerApplication.AlreadySeller': 403,
  'InvalidSellerApplicationId.NotFound': 404,
  IncorrectSellerApplicationStatus: 403,
  // Publishing (SEL-6, SEL-7)
  'InvalidParameter.ProductTitle': 400,
  'InvalidParameter.Category': 400,
  'InvalidParameter.ProductSummary': 400,
  'InvalidParameter.ProductDescription': 400,
  'InvalidParameter.InterfaceUrl': 400,
  'InvalidParameter.Version': 400,
  'InvalidParameter.VersionRegions': 400,
  'InvalidParameter.Price': 400,
  'InvalidImage.NotPublishable': 403,
  'InvalidSellerKey.Missing': 403,
  IncorrectProductStatus: 403,
  'InvalidListing.Incomplete': 403,
  // Admin (ADM-2, ADM-4)
  'InvalidParameter.Setting': 400,
  // Scaling groups (MKT-9): Alibaba ESS's codes
  'InvalidParameter.MinSize': 400,
  'InvalidParameter.MaxSize': 400,
  'InvalidParameter.DesiredCapacity': 400,
  'InvalidScalingGroupId.NotFound': 404,
  'InvalidScalingGroupName.Duplicate': 400,
  InstanceInUse: 400,
  // Image families and deprecation (issue 17)
  'InvalidImageFamily.Malformed': 400,
  'InvalidImageFamily.MissingAvailableImage': 404,
  InvalidSuccessorImage: 400,
  // State
  IncorrectImageStatus: 400,
  IncorrectInstanceStatus: 403,
  ImageIsImporting: 403,
  // Quotas and entitlements (MKT-4, IMP-9)
  'QuotaExceed.BuyImage': 403,
  // Instances and vCPUs per account and region (ADM-4): Alibaba's one code for both quotas
  'QuotaExceed.ElasticQuota': 403,
  'QuotaExceed.Image': 403,
  'QuotaExceed.Snapshot': 403,
  // Access (IMP-2; the seed spells it "Forbbiden")
  Forbidden: 400, // the seed's table: "Forbbiden … 400"
  // Idempotency (IMP-8)
  IdempotentParameterMismatch: 400,
  // API signatures and dispatch (API-2, API-4)
  'InvalidAccessKeyId.NotFound': 404,
  SignatureDoesNotMatch: 400,
  SignatureNonceUsed: 400,
  'InvalidTimeStamp.Expired': 400,
  'InvalidTimeStamp.Format': 400,
  // Too many calls from one AccessKey in a second (API-2); the answer carries Retry-After
  'Throttling.User': 429,
  Throttling: 429,
  'InvalidAction.NotFound': 404,
  DryRunOperation: 400,
  // Accounts and sign-in (console)
  'InvalidEmail.Malformed': 400,
  'InvalidEmail.Duplicated': 400,
  'InvalidPassword.Malformed': 400,
  'InvalidCredentials': 401,
  'InvalidName.Malformed': 400,
  // Sign-in and sign-up throttling (issue 12): too many wrong passwords, or sign-ups from one address
  'Throttling.SignIn': 429,
  'Throttling.SignUp': 429,
  // The database stayed locked longer than a writer waits: nothing changed, try again
  ServiceUnavailable: 503,
  // Anything we did not foresee: the user sees this, never a stack trace
  InternalError: 500,
} as const satisfies Record<string, number>;

export type CloudErrorCode = keyof typeof errorCatalogue;

export type CloudErrorParams = Record<string, string | number>;

export class CloudError extends Error {
  readonly code: CloudErrorCode;
  readonly params: CloudErrorParams;
  /** The input field the error is about, so a form can show it next to that field. */
  readonly field?: string;
  /** The other fields refused by the same check, so a form marks every one at once (the API answers the first). */
  readonly also: readonly CloudError[];

  constructor(code: CloudErrorCode, params: CloudErrorParams = {}, field?: string, also: readonly CloudError[] = []) {
    super(code);
    this.name = 'CloudError';
    this.code = code;
    this.params = params;
    this.field = field;
    this.also = also;
  }

  get httpStatus(): number {
    return errorCatalogue[this.code];
  }
}

export function isCloudErrorCode(code: string): code is CloudErrorCode {
  return Object.hasOwn(errorCatalogue, code);
}

/** The key of a code's message in the catalogues: next-intl reads dots as nesting. */
export function messageKeyOf(code: CloudErrorCode): string {
  return code.replaceAll('.', '_');
}

/** A throttled call says when to come back: `Throttling…` errors carry seconds, sent as Retry-After. */
export function throttled(code: 'Throttling' | 'Throttling.User', msBeforeNext: number): CloudError {
  return new CloudError(code, { retryAfter: Math.max(1, Math.ceil(msBeforeNext / 1000)) });
}

export function retryAfterHeader(error: CloudError): Record<string, string> {
  return typeof error.params.retryAfter === 'number' ? { 'retry-after': String(error.params.retryAfter) } : {};
}
