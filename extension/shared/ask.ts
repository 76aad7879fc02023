/** Sends a request to the background and unwraps its `{ ok, value | error }` answer. */
import browser from 'webextension-polyfill';
import type { Reply, RequestInput } from './messages';

export async function ask<T>(request: RequestInput): Promise<T> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
  if (!reply) throw new Error('Footnote’s background did not answer.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
