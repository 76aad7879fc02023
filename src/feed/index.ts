/** The feed's public surface for the extension's background and the scripts. */
export { syncFeed, resolveFeedUrls, DEFAULT_FEED_LIMITS } from './client';
export type { FeedLimits, HeldFeedState, SyncFeedOptions, SyncFeedResult, FeedUrls } from './client';
export { describeFeedError, isRetryable } from './errors';
export type { FeedError, FeedErrorKind } from './errors';
export { FeedIndex, FeedFileEntry, FEED_FORMAT_VERSION, INDEX_FILE, SIGNATURE_FILE } from './format';
export { datasetToFeedFiles, heldFileReader } from './files';
export type { FetchLike, ResponseLike } from './http';
export { planFeedUpdate } from './plan';
export type { FeedUpdatePlan, HeldFiles } from './plan';
export { verifyIndex, checkFile } from './verify';
export type { PinnedKey, VerifyIndexResult } from './verify';
export { buildFeed, encodeJsonFile } from './publish';
export { generateFeedKeyPair, importSigningKey, importVerifyKey, publicJwk, algorithmOfJwk } from './keys';
export type { FeedKeyAlgorithm } from './keys';
