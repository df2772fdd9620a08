export { type Bound, bindDomains, bindEndpoint, type Method, type MethodOptions } from './bind.js';
export { createClient, type ReelClient } from './client.js';
export { ApiError, type ClientError, ContractError, formatPath, isAbortError, NetworkError } from './errors.js';
export {
  type CallOptions,
  type ClientOptions,
  createTransport,
  type FileResult,
  queryString,
  type ResultOf,
  type RetryOptions,
  type Transport,
} from './transport.js';
