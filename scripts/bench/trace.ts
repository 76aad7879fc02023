/**
 * Chrome's trace over the DevTools Protocol: which tasks ran on the page's main thread and how long each took,
 * and when the content script started (its first evaluation: document_idle).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: its duration minus the time the thread waited for a core. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown>; name?: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline'];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
  });
}

export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The page's main thread: where its HTML was parsed, or (a trace started after loading) the main thread of
 * the renderer the browser reports for the page's frame.
 */
export function pageMainThread(events: readonly TraceEvent[], url: string): { pid: number; tid: number } | null {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(url));
  if (parse) return { pid: parse.pid, tid: parse.tid };
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    const frames = (e.args?.data?.frames ?? []) as Array<{ url?: string; processId?: number }>;
    const frame = frames.find((f) => f.url?.startsWith(url) && f.processId !== undefined);
    if (!frame) continue;
    const main = events.find((m) => m.ph === 'M' && m.name === 'thread_name' && m.pid === frame.processId && m.args?.name === 'CrRendererMain');
    if (main) return { pid: main.pid, tid: main.tid };
  }
  return null;
}

/** Top-level tasks on one thread, in order: start, wall duration and thread duration, in µs. */
export function tasksOf(events: readonly TraceEvent[], thread: { pid: number; tid: number }): Array<{ ts: number; dur: number; tdur: number }> {
  return events
    .filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X' && e.name === 'RunTask' && e.dur !== undefined)
    .map((e) => ({ ts: e.ts, dur: e.dur!, tdur: e.tdur ?? e.dur! }))
    .sort((a, b) => a.ts - b.ts);
}

/** When a script from `urlPrefix` first ran on the thread (a content script's injection: document_idle). */
export function firstScriptRun(events: readonly TraceEvent[], thread: { pid: number; tid: number }, urlPrefix: string): number | null {
  let first: number | null = null;
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid) continue;
    const url = String(e.args?.data?.url ?? e.args?.data?.fileName ?? '');
    if (url.startsWith(urlPrefix) && (first === null || e.ts < first)) first = e.ts;
  }
  return first;
}

/** The trace time of a user-timing mark on the thread (e.g. navigationStart), or null. */
export function markTime(events: readonly TraceEvent[], thread: { pid: number; tid: number }, name: string): number | null {
  const mark = events.find((e) => e.pid === thread.pid && e.name === name && e.cat.includes('blink.user_timing'));
  return mark ? mark.ts : null;
}
