// Limits a browser form shows (maxLength) and its rule enforces, kept apart from the rules'
// zod schemas so that a form's bundle does not carry zod (issue 16: first-load JavaScript).
export const MAX_ADJUSTMENT_REASON_LENGTH = 500;
export const COMPANY_NAME_MAX = 100;
export const CONTACT_EMAIL_MAX = 254;
