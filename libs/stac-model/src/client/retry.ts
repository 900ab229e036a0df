import { StacApiError } from '../errors.js';

/** How often and how patiently a failed request is repeated. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  retries: number;
  /** Delay before the first retry; each further retry doubles it, with jitter. */
  baseDelayMs: number;
  /** Upper bound of one delay, also for a server's `Retry-After`. */
  maxDelayMs: number;
}

/** Told before each wait, e.g. to log it. */
export type RetryListener = (error: StacApiError, retry: number, delayMs: number) => void;

/**
 * Delay before retry number `retry` (1-based): exponential, jittered over its upper half so
 * that clients failing together do not return together, and never below `floorMs`.
 */
export function computeRetryDelay(
  retry: number,
  policy: RetryPolicy,
  floorMs = 0,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.round(ceiling * (0.5 + random() / 2));
  return Math.min(policy.maxDelayMs, Math.max(jittered, floorMs));
}

/** Runs `attempt` until it succeeds, fails permanently, or the retries are spent. */
export async function retryTransient<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: RetryListener,
): Promise<T> {
  for (let retry = 1; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StacApiError) || !error.retriable || retry > policy.retries) {
        throw error;
      }
      const delayMs = computeRetryDelay(retry, policy, error.retryAfterMs ?? 0);
      onRetry(error, retry, delayMs);
      await sleep(delayMs);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
