import type { StacAsset } from '@piddi/stac-model';

import { readFileChecksum, readFileSize, type FileChecksum } from './file-checksum.js';
import { alternatesOf } from './hosting-nodes.js';
import { isPresent } from './identifiers.js';
import { isRecord, readText } from './objects.js';
import { resolveFilePid, type ResolvedPid } from './pids.js';
import { isHttpUrl, lastPathSegment } from './urls.js';

/** What a valid file asset says about its file. */
export interface FileFacts {
  pid: ResolvedPid;
  /** `DOWNLOAD_URL`: the asset's href, else the first alternate's. */
  url: string;
  /** `FILE_NAME`: the last path segment of the URL. */
  fileName: string;
  size: number;
  checksum: FileChecksum;
}

type Problem = { problem: string };

/**
 * Reads PID, download URL, size and checksum of a file asset; size and checksum come from the
 * asset, else from the first alternate that has them. Returns every problem when any is wrong.
 */
export function readFileFacts(
  itemId: string,
  assetKey: string,
  asset: StacAsset,
  acceptLegacyMd5: boolean,
): FileFacts | { problems: string[] } {
  const pid = resolveFilePid(itemId, assetKey, asset);
  const download = readDownloadUrl(asset);
  const size = readFileSize(firstAssetValue(asset, 'file:size'));
  const checksum = readFileChecksum(firstAssetValue(asset, 'file:checksum'), acceptLegacyMd5);

  if ('problem' in pid || 'problem' in download || isProblem(size) || 'problem' in checksum) {
    const outcomes = [pid, download, size, checksum];
    return { problems: outcomes.filter(isProblem).map((outcome) => outcome.problem) };
  }
  return { pid, ...download, size, checksum };
}

/** Distinct http(s) hrefs of the asset's alternates, and the hrefs that are no such URL. */
export function readReplicaUrls(asset: StacAsset): { urls: string[]; rejected: string[] } {
  const hrefs = Object.values(alternatesOf(asset)).flatMap((alternate) => {
    const href = readText(alternate.href);
    return href === undefined ? [] : [href];
  });
  const unique = [...new Set(hrefs)];
  return { urls: unique.filter(isHttpUrl), rejected: unique.filter((href) => !isHttpUrl(href)) };
}

function firstAssetValue(asset: StacAsset, field: string): unknown {
  if (isPresent(asset[field])) return asset[field];
  return Object.values(alternatesOf(asset))
    .map((alternate) => alternate[field])
    .find(isPresent);
}

function readDownloadUrl(asset: StacAsset): { url: string; fileName: string } | Problem {
  const alternates = Object.values(alternatesOf(asset));
  const url = readText(asset.href) ?? alternates.map((alt) => readText(alt.href)).find(Boolean);
  if (!url) {
    return { problem: 'DOWNLOAD_URL is missing: neither the asset nor an alternate has an href' };
  }
  if (!isHttpUrl(url)) return { problem: `DOWNLOAD_URL "${url}" is not an http(s) URL` };

  const fileName = lastPathSegment(url);
  if (!fileName) return { problem: `FILE_NAME cannot be taken from DOWNLOAD_URL "${url}"` };
  return { url, fileName };
}

function isProblem(outcome: unknown): outcome is Problem {
  return isRecord(outcome) && typeof outcome.problem === 'string';
}
