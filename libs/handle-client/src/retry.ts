import { HandleError } from './errors.js';

/** How failed requests are repeated. */
export interface RetryOptions {
  /**
   * Retries after the first attempt; 0 turns retrying off.
   * @default 3
   */
  limit?: number;
  /**
   * Delay before the first retry; each further retry doubles it, with jitter.
   * @default 200
   */
  baseDelayMs?: number;
  /**
   * Upper bound of one delay, also for a server's `Retry-After`.
   * @default 5000
   */
  maxDelayMs?: number;
}

/** Retry options with every default applied. */
export type RetryPolicy = Required<RetryOptions>;

/** What {@link runWithRetry} needs besides the attempt itself. */
export interface RetryControl {
  policy: RetryPolicy;
  /** Whether this failure may be repeated. */
  shouldRetry(error: unknown): boolean;
  /** Told before every wait, e.g. to log it. */
  onRetry?(error: unknown, retry: number, delayMs: number): void;
  /** Replaceable for tests. */
  random?: () => number;
}

const DEFAULT_RETRY: RetryPolicy = { limit: 3, baseDelayMs: 200, maxDelayMs: 5000 };

/** Applies the defaults and refuses negative or non-integer bounds. */
export function resolveRetryPolicy(options: RetryOptions = {}): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...stripUndefined(options) };
  for (const [name, value] of Object.entries(policy)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new HandleError('INVALID_OPTIONS', `retry.${name} must be an integer >= 0`);
    }
  }
  return policy;
}

/**
 * Delay before retry number `retry` (1-based): exponential, with jitter over its upper half so
 * that many clients failing together do not come back together; never below `floorMs`.
 */
export function computeBackoffDelay(
  retry: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
  floorMs = 0,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.min(policy.maxDelayMs, Math.max(jittered, floorMs));
}

/** Runs `attempt` until it succeeds, fails for good, or the retry limit is spent. */
export async function runWithRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  control: RetryControl,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt(retry + 1);
    } catch (error) {
      if (retry >= control.policy.limit || !control.shouldRetry(error)) throw error;
      const floorMs = error instanceof HandleError ? (error.retryAfterMs ?? 0) : 0;
      const delayMs = computeBackoffDelay(retry + 1, control.policy, control.random, floorMs);
      control.onRetry?.(error, retry + 1, delayMs);
      await sleep(delayMs);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function stripUndefined(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
