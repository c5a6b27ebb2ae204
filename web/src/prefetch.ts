// Imported first by main.ts: starts downloading the events before the rest of the code (d3, the
// base map) is evaluated, so that the largest request of the page starts as early as it can.
import { fetchEvents, type EventSummary } from './api.js';
import { loadSession } from './review.js';
import { readState, serverQuery } from './state.js';

const query = serverQuery(readState(location.search).filters);
let early: { query: string; events: Promise<EventSummary[]> } | undefined = {
  query: query.toString(),
  // Signed out (the store has users): nothing to fetch before signing in.
  events: loadSession().then((s) => (s.users && !s.user ? Promise.reject(new Error('sign in first')) : fetchEvents(query))),
};
// A failure is reported by whoever takes the promise; never an unhandled rejection here.
early.events.catch(() => undefined);

/** The early download, once, if it was for this query. */
export function takePrefetched(queryString: string): Promise<EventSummary[]> | undefined {
  const e = early;
  early = undefined;
  return e && e.query === queryString ? e.events : undefined;
}
