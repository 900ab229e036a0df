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

/** Told of what happens while {@link withTransientRetries} runs a task. */
export interface TransientHooks {
  /** Every failed attempt, the last one included, whether or not it is retried. */
  onAttemptFailed?: (error: unknown, attempt: number) => void;
  /** Before each retry, after a retriable failure. */
  onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs `task`, and runs it again after a backoff while it fails with a retriable error, at most
 * `policy.retries` more times. Attempts count from 1; the hooks let the caller count and log.
 */
export async function withTransientRetries<T>(
  task: () => Promise<T>,
  policy: TransientPolicy,
  hooks: TransientHooks = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      hooks.onAttemptFailed?.(error, attempt);
      if (!isRetriable(error) || attempt > policy.retries) throw error;
      hooks.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt - 1, policy)));
    }
  }
}
