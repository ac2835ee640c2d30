// The error type lives in the contract (src-shared/hub-client-contract.ts) so that the embedded store
// can throw it too; re-exported here for the client's callers.
export { HubError, type HubClientErrorCode } from '../../../src-shared/hub-client-contract.js';
