const VERSION_PATTERN = /^v?(\d+)$/i;

/** The number of a dataset version (`v20190119` → 20190119); undefined if it has none. */
export function parseVersionNumber(version: string): number | undefined {
  const match = VERSION_PATTERN.exec(version.trim());
  return match ? Number(match[1]) : undefined;
}

/**
 * Picks the newest candidate that is older than `currentVersion`. Candidates whose version is
 * not a number cannot be ordered and are never picked.
 */
export function selectPreviousVersion<T extends { datasetVersion: string }>(
  currentVersion: string,
  candidates: readonly T[],
): T | undefined {
  const current = parseVersionNumber(currentVersion);
  if (current === undefined) return undefined;

  let newest: { candidate: T; number: number } | undefined;
  for (const candidate of candidates) {
    const number = parseVersionNumber(candidate.datasetVersion);
    if (number === undefined || number >= current) continue;
    if (!newest || number > newest.number) newest = { candidate, number };
  }

  return newest?.candidate;
}
