import { ApiError } from '@reel/client';

/**
 * A request's answer, or null when the server says the thing does not exist (404): an expected
 * outcome the page shows as "not found", not an error to report.
 */
export async function notFoundAsNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
