export {
  type BasicAuth,
  buildAuthorizationHeader,
  type ClientCertAuth,
  type ClientCertificate,
  type HandleAuth,
} from './auth.js';
export type { HandleClientOptions } from './client-options.js';
export {
  HandleAlreadyExistsError,
  HandleAuthError,
  HandleError,
  type HandleErrorCode,
  type HandleErrorContext,
  HandleNotFoundError,
  HandleTransportError,
} from './errors.js';
export type { HandlePage } from './handle-answers.js';
export { HandleClient, type PutOptions, type PutResult } from './handle-client.js';
export type {
  GetHandleOptions,
  IterateHandlesOptions,
  ListHandlesOptions,
} from './handle-requests.js';
export type {
  AdminValue,
  HandleDataFormat,
  HandleRecord,
  HandleValue,
  HandleValueData,
} from './handle-values.js';
export type { HandleLogger, LogFields } from './logger.js';
export { SILENT_LOGGER } from './logger.js';
export {
  ADMIN_INDEX,
  buildAdminValue,
  type BuildValuesOptions,
  buildHandleValues,
  DEFAULT_ADMIN_KEY_INDEX,
  DEFAULT_ADMIN_PERMISSIONS,
  type FieldValue,
  type HandleFields,
  URL_INDEX,
  valuesToFields,
  type ValuesToFieldsOptions,
} from './record-fields.js';
export type { RetryOptions } from './retry.js';
