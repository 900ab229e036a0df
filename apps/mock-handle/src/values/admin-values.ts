import type { HandleUser } from '../auth.js';
import {
  DEFAULT_TTL,
  type HandleRecord,
  type HandleValue,
  formatTimestamp,
} from './handle-value.js';

/** Where HS_ADMIN lives by convention. */
export const ADMIN_INDEX = 100;

/** Every administrative permission except "add and remove naming authority". */
const ADMIN_PERMISSIONS = '011111110011';

/** An HS_ADMIN value granting the user administration of a handle. */
export function buildAdminValue(user: HandleUser, index: number, now: Date): HandleValue {
  return {
    index,
    type: 'HS_ADMIN',
    data: {
      format: 'admin',
      value: { handle: user.handle, index: user.index, permissions: ADMIN_PERMISSIONS },
    },
    ttl: DEFAULT_TTL,
    timestamp: formatTimestamp(now),
  };
}

/**
 * The user's own admin handle: HS_ADMIN at 100 and its secret key at the user's index. The
 * key is readable by administrators only, so anonymous resolution never shows the password.
 */
export function buildUserHandle(user: HandleUser, password: string, now: Date): HandleRecord {
  const secretKey: HandleValue = {
    index: user.index,
    type: 'HS_SECKEY',
    data: { format: 'string', value: password },
    ttl: DEFAULT_TTL,
    timestamp: formatTimestamp(now),
    permissions: '1100',
  };
  return { handle: user.handle, values: [buildAdminValue(user, ADMIN_INDEX, now), secretKey] };
}
