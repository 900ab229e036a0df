import type { ServerSettings } from '../options.js';
import { buildUserHandle } from '../values/admin-values.js';
import { HandleStore } from './handle-store.js';
import { loadStoreFile, saveStoreFile } from './store-file.js';

/**
 * Opens the store: loads the store file when there is one, and puts the configured user's
 * admin handle in place, since clients look it up at start-up.
 */
export function openHandleStore(settings: ServerSettings, now: Date): HandleStore {
  const { storeFile } = settings;
  const records = storeFile === undefined ? [] : loadStoreFile(storeFile);
  const persist = storeFile === undefined ? undefined : saveStoreFile.bind(undefined, storeFile);

  const store = new HandleStore(records, persist);
  store.put(buildUserHandle(settings.user, settings.password, now));
  return store;
}
