/**
 * What can go wrong while syncing the feed, as data (so the background can store it and the popup and options can
 * show it), and the plain words a reader sees for each.
 */

export type FeedError =
  /** No connection, DNS failure, connection refused or reset. */
  | { kind: 'offline'; url: string; detail?: string }
  | { kind: 'timeout'; url: string; ms: number }
  | { kind: 'http'; url: string; status: number }
  /** The body is not JSON; `looksLikeHtml` hints at a captive portal's sign-in page. */
  | { kind: 'not-json'; url: string; looksLikeHtml: boolean }
  | { kind: 'bad-signature'; detail?: string }
  | { kind: 'expired'; expires: string }
  /** The feed offers an older dataset than the one held. */
  | { kind: 'rollback'; held: string; offered: string }
  | { kind: 'hash-mismatch'; file: string; expected: string; actual: string }
  | { kind: 'schema'; file: string; message: string }
  | { kind: 'too-large'; url: string; limit: number }
  /** The configured feed URL is not an http(s) address. */
  | { kind: 'bad-url'; url: string };

export type FeedErrorKind = FeedError['kind'];

/** Carries a `FeedError` through `throw` inside the client; never leaves this folder's public results. */
export class FeedFailure extends Error {
  constructor(readonly error: FeedError) {
    super(describeFeedError(error));
    this.name = 'FeedFailure';
  }
}

/** Errors that may go away by themselves: worth another attempt after a pause. */
export function isRetryable(error: FeedError): boolean {
  switch (error.kind) {
    case 'offline':
    case 'timeout':
      return true;
    case 'http':
      return error.status >= 500 || error.status === 408 || error.status === 429;
    default:
      return false;
  }
}

const KEPT = 'your current data was kept';

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function describeStatus(status: number): string {
  if (status === 404) return 'HTTP 404 (not found): check the feed URL';
  if (status === 401 || status === 403) return `HTTP ${status} (access denied): the feed must be public`;
  if (status === 429) return 'HTTP 429 (too many requests): Footnote will try again later';
  if (status >= 500) return `HTTP ${status} (a server error): Footnote will try again later`;
  return `HTTP ${status}`;
}

/** One or two sentences for the popup and the options page. */
export function describeFeedError(error: FeedError): string {
  switch (error.kind) {
    case 'offline':
      return `Footnote could not reach the feed (no network connection, or the server could not be found): ${KEPT}, and it will try again later.`;
    case 'timeout':
      return `The feed did not answer within ${Math.round(error.ms / 1000)} seconds: ${KEPT}, and Footnote will try again later.`;
    case 'http':
      return `The feed server answered ${describeStatus(error.status)}. The update was not applied and ${KEPT}.`;
    case 'not-json':
      return error.looksLikeHtml
        ? `The feed sent a web page instead of data. This often happens on Wi-Fi that asks you to sign in first (a captive portal): sign in, then sync again. ${capitalise(KEPT)}.`
        : `The feed sent something that is not data Footnote can read: the update was refused and ${KEPT}.`;
    case 'bad-signature':
      return `The feed's signature does not match its key: the update was refused and ${KEPT}.`;
    case 'expired':
      return `The feed's index expired on ${formatTime(error.expires)} and has not been renewed, so its data may be stale or replayed: the update was refused and ${KEPT}.`;
    case 'rollback':
      return `The feed offers dataset version ${error.offered}, older than the version ${error.held} you have: the downgrade was refused and ${KEPT}.`;
    case 'hash-mismatch':
      return `The file ${error.file} does not match the checksum in the feed's signed index (it was changed or cut short on the way): the update was refused and ${KEPT}.`;
    case 'schema':
      return `The file ${error.file} does not have the expected form (${error.message}): the update was refused and ${KEPT}.`;
    case 'too-large':
      return `A response from the feed was larger than the ${formatBytes(error.limit)} limit: the update was refused and ${KEPT}.`;
    case 'bad-url':
      return `The feed URL "${error.url}" is not a valid http or https address: nothing was downloaded and ${KEPT}.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
