/** How the consumer treats failures of outside services that may pass ([consumer.transient]). */
export interface TransientPolicy {
  retries: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
}

/** True for errors that say a later attempt may succeed (the libraries set `retriable`). */
export function isRetriable(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { retriable?: unknown }).retriable === true
  );
}

/** Exponential backoff with full jitter, capped at the policy's maximum. */
export function backoffDelay(
  attempt: number,
  policy: TransientPolicy,
  random = Math.random,
): number {
  const ceiling = Math.min(policy.backoffMaxMs, policy.backoffInitialMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Runs `task`, and runs it again after a backoff while it fails with a retriable error, at most
 * `policy.retries` more times. `onRetry` is told of each retry so it can be counted and logged.
 */
export async function withTransientRetries<T>(
  task: () => Promise<T>,
  policy: TransientPolicy,
  onRetry: (error: unknown, attempt: number) => void = () => {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (!isRetriable(error) || attempt >= policy.retries) throw error;
      onRetry(error, attempt + 1);
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, policy)));
    }
  }
}
