import { notFound } from 'next/navigation';
import { CloudError, type CloudErrorCode } from '@/lib/domain/errors';

/** Reads a resource for a detail page; the service's "does not exist" becomes the 404 page. */
export function orNotFound<T>(read: () => T, code: CloudErrorCode): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CloudError && error.code === code) notFound();
    throw error;
  }
}
