import { notFound } from 'next/navigation';
import { CloudError, type CloudErrorCode } from '@/lib/domain/errors';

/** Reads a resource for a detail page; the service's "does not exist" becomes the 404 page. */
export async function orNotFound<T>(read: () => T | Promise<T>, code: CloudErrorCode): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof CloudError && error.code === code) notFound();
    throw error;
  }
}
