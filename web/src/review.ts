// Analyst review in the dashboard: sign-in (a user's token for a session cookie), the review part
// of an event's detail (confirm, reject, an edit form with ACLED's hierarchy, actor and place
// look-ups, history with revert), and the keyboard's confirm/reject. Every write sends the
// session's CSRF token and the event's ETag; a 412 shows what someone else changed first.
// Reasons, actor names and values are user or article text: they only ever become text nodes.
import { SUB_EVENT_TYPES } from '../../src/common/acled-types.js';
import { ApiError, type EventDetail } from './api.js';
import { clear, h } from './dom.js';
import { EVENT_TYPES } from './state.js';

export type ReviewStatus = 'unreviewed' | 'confirmed' | 'edited' | 'rejected';
export const REVIEW_STATUSES: ReviewStatus[] = ['unreviewed', 'confirmed', 'edited', 'rejected'];

export interface ReviewedEvent extends EventDetail {
  etag?: string;
  reviewed_fields?: string[];
  review_status?: ReviewStatus;
}

interface HistoryEntry {
  id: number;
  revision: number;
  at: string;
  user: string;
  action: string;
  field: string;
  before: unknown;
  after: unknown;
  reason: string;
  reverts: number | null;
}

interface SessionInfo {
  users: boolean;
  user: { name: string; role: string } | null;
  csrf: string | null;
}

let session: SessionInfo = { users: false, user: null, csrf: null };
let loading: Promise<SessionInfo> | undefined;

/** Who is signed in (asked once per page load). */
export function loadSession(): Promise<SessionInfo> {
  loading ??= (async () => {
    try {
      const res = await fetch('/api/session', { headers: { accept: 'application/json' } });
      if (res.ok) session = (await res.json()) as SessionInfo;
    } catch {
      // an older server without review: nothing to sign in to
    }
    return session;
  })();
  return loading;
}

export function currentSession(): SessionInfo {
  return session;
}

/** Whether this person may edit (without users, the server decides: loopback writes are allowed). */
function mayEdit(): boolean {
  if (!session.users) return true;
  return session.user?.role === 'editor' || session.user?.role === 'admin';
}

async function errorOf(res: Response): Promise<{ message: string; body: Record<string, unknown> }> {
  try {
    const body = (await res.json()) as Record<string, unknown>;
    return { message: typeof body.detail === 'string' ? body.detail : `${res.status}`, body };
  } catch {
    return { message: `${res.status} ${res.statusText}`, body: {} };
  }
}

class WriteError extends ApiError {
  constructor(status: number, message: string, readonly body: Record<string, unknown>) {
    super(status, message);
  }
}

async function write(method: string, path: string, body: unknown, etag?: string): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (session.csrf) headers['x-csrf-token'] = session.csrf;
  if (etag) headers['if-match'] = etag;
  const res = await fetch(path, { method, headers, body: JSON.stringify(body) });
  if (!res.ok) {
    const { message, body: b } = await errorOf(res);
    throw new WriteError(res.status, message, b);
  }
  return (await res.json()) as Record<string, unknown>;
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(res.status, (await errorOf(res)).message);
  return (await res.json()) as T;
}

// ---------------------------------------------------------------------------------------------
// Sign-in

export function signInView(): HTMLElement {
  const token = h('input', { type: 'password', id: 'signin-token', name: 'token', autocomplete: 'current-password', required: true, maxlength: 200, size: 40 });
  const message = h('p', { class: 'error', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h('form', { class: 'signin', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title' }, 'sitrep'),
    h('p', {}, 'Sign in with the token `sitrep users add` printed for you.'),
    h('div', { class: 'field' }, h('label', { for: 'signin-token' }, 'Token'), token),
    button,
    message);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    button.disabled = true;
    message.textContent = '';
    void (async () => {
      try {
        const res = await fetch('/api/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ token: token.value.trim() }),
        });
        if (!res.ok) throw new Error((await errorOf(res)).message);
        location.reload();
      } catch (err) {
        message.textContent = `Could not sign in: ${err instanceof Error ? err.message : String(err)}`;
        button.disabled = false;
      }
    })();
  });
  return h('main', { class: 'signin-page' }, form);
}

/** "name (role) · Sign out" for the header; nothing without users. */
export function sessionBadge(): HTMLElement | null {
  if (!session.users || !session.user) return null;
  const out = h('button', {
    type: 'button',
    class: 'small',
    onclick: () => void write('DELETE', '/api/session', {}).finally(() => location.reload()),
  }, 'Sign out');
  return h('span', { class: 'session muted', 'data-testid': 'session' }, `${session.user.name} (${session.user.role}) `, out);
}

// ---------------------------------------------------------------------------------------------
// The review section of an event's detail

const STATUS_TEXT: Record<ReviewStatus, string> = {
  unreviewed: 'not reviewed yet',
  confirmed: 'confirmed by an analyst',
  edited: 'edited by an analyst',
  rejected: 'rejected: not an event',
};

function shownValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The open event (for the keyboard's confirm and reject). */
let open: { id: string; etag: string; reload(): void } | undefined;

/** Confirm or reject the open event (keyboard); false when no event is open or editing is not allowed. */
export function decideOpenEvent(status: 'confirmed' | 'rejected'): boolean {
  if (!open || !open.etag || !mayEdit()) return false;
  const o = open;
  void write('PATCH', `/api/events/${encodeURIComponent(o.id)}`, { review_status: status }, o.etag)
    .then(() => {
      o.reload();
      onChangedHook?.(o.id);
    })
    .catch((err: unknown) => alertIn(document.querySelector('[data-testid="review"]'), err));
  return true;
}

let onChangedHook: ((id: string) => void) | undefined;

/** Starts a pick on the dashboard's map (the next click gives a point); returns a cancel. */
type MapPicker = (onPick: (lat: number, lon: number) => void) => () => void;
let mapPicker: MapPicker | undefined;

/** The map the edit form's "Pick on the map" uses. */
export function setMapPicker(picker: MapPicker): void {
  mapPicker = picker;
}

/** Called after every successful write (the page reloads its list). */
export function onReviewChange(hook: (id: string) => void): void {
  onChangedHook = hook;
}

function alertIn(container: Element | null, err: unknown): void {
  const box = container?.querySelector<HTMLElement>('.review-message');
  if (!box) return;
  clear(box);
  box.className = 'review-message error';
  if (err instanceof WriteError && err.status === 412) {
    const changes = (err.body.changes ?? []) as HistoryEntry[];
    box.append(
      h('strong', {}, 'Someone changed this event first. '),
      changes.length ? 'Their changes:' : 'It was updated (re-extraction or another reviewer).',
      ...(changes.length ? [h('ul', {}, changes.map((c) => h('li', {}, `${c.user}: ${c.field} ${shownValue(c.before)} → ${shownValue(c.after)}${c.reason ? ` (“${c.reason}”)` : ''}`)))] : []),
      h('button', { type: 'button', class: 'small', onclick: () => open?.reload() }, 'Reload the event'));
  } else {
    box.append(err instanceof Error ? err.message : String(err));
  }
}

export function reviewSection(e: ReviewedEvent, reload: () => void): HTMLElement {
  const status = (e.review_status ?? 'unreviewed') as ReviewStatus;
  const etag = e.etag ?? '';
  open = { id: e.event_id, etag, reload };
  const root = h('section', { class: `review status-${status}`, 'data-testid': 'review', 'aria-labelledby': 'review-title' });
  const message = h('div', { class: 'review-message', role: 'status', 'aria-live': 'polite' });
  const reason = h('input', { type: 'text', id: 'review-reason', name: 'reason', maxlength: 2000, placeholder: 'optional', autocomplete: 'off' });
  const done = (id: string) => {
    reload();
    onChangedHook?.(id);
  };
  const send = (body: Record<string, unknown>, path = `/api/events/${encodeURIComponent(e.event_id)}`, method = 'PATCH') => {
    const r = reason.value.trim();
    void write(method, path, r ? { ...body, reason: r } : body, etag)
      .then(() => done(e.event_id))
      .catch((err: unknown) => alertIn(root, err));
  };
  root.append(
    h('h3', { id: 'review-title' }, 'Review'),
    h('p', { class: 'review-status', 'data-testid': 'review-status', 'data-status': status },
      h('span', { class: `status-badge ${status}` }, status), ` ${STATUS_TEXT[status]}`,
      e.reviewed_fields?.length ? `; set by an analyst: ${e.reviewed_fields.join(', ')}` : ''),
  );
  if (mayEdit()) {
    root.append(
      h('div', { class: 'field' }, h('label', { for: 'review-reason' }, 'Reason for the change'), reason),
      h('div', { class: 'review-buttons' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'confirm', title: 'Confirm (c)', onclick: () => send({ review_status: 'confirmed' }) }, 'Confirm'),
        h('button', { type: 'button', 'data-action': 'reject', title: 'Reject (x)', onclick: () => send({ review_status: 'rejected' }) }, 'Reject: not an event'),
        status !== 'unreviewed' && status !== 'edited'
          ? h('button', { type: 'button', 'data-action': 'unreview', onclick: () => send({ review_status: 'unreviewed' }) }, 'Back to unreviewed')
          : null),
      editForm(e, (changes) => send(changes)),
    );
  }
  root.append(message);
  const history = h('div', { class: 'history', 'data-testid': 'history' }, h('p', { class: 'muted' }, 'Loading the history…'));
  root.append(h('h4', {}, 'History'), history);
  void getJson<{ history: HistoryEntry[] }>(`/api/events/${encodeURIComponent(e.event_id)}/history`)
    .then(({ history: entries }) => {
      clear(history);
      history.append(historyList(entries, (id) => send({ audit_id: id }, `/api/events/${encodeURIComponent(e.event_id)}/revert`, 'POST')));
    })
    .catch((err: unknown) => {
      clear(history);
      history.append(h('p', { class: 'error' }, `Could not load the history: ${err instanceof Error ? err.message : String(err)}`));
    });
  return root;
}

/**
 * An editor's actions on one report of the event: split it off into an event of its own, or move it
 * to another event (its id typed in). Both send the event's ETag; the detail shows the event anew.
 */
export function reportActions(e: ReviewedEvent, reportId: string, reload: () => void): HTMLElement | null {
  if (!mayEdit() || !e.etag) return null;
  const root = h('div', { class: 'report-buttons', 'data-report-id': reportId });
  const message = h('div', { class: 'review-message', role: 'status', 'aria-live': 'polite' });
  const path = `/api/events/${encodeURIComponent(e.event_id)}/move-report`;
  const reasonOf = () => document.querySelector<HTMLInputElement>('#review-reason')?.value.trim() ?? '';
  const send = (to: string | null) => {
    const reason = reasonOf();
    const body: Record<string, unknown> = { report_id: reportId, ...(to ? { to } : {}), ...(reason ? { reason } : {}) };
    void write('POST', path, body, e.etag)
      .then(() => {
        reload();
        onChangedHook?.(e.event_id);
      })
      .catch((err: unknown) => alertIn(root, err));
  };
  const target = h('input', { type: 'text', name: 'move-to', 'aria-label': `Event id to move report ${reportId} to`, placeholder: 'event id', maxlength: 200, size: 10, autocomplete: 'off' });
  root.append(
    h('button', { type: 'button', class: 'small', 'data-action': 'split', title: 'Make this report an event of its own', onclick: () => send(null) }, 'Split off'),
    h('span', { class: 'move-to' }, target,
      h('button', { type: 'button', class: 'small', 'data-action': 'move', onclick: () => {
        const to = target.value.trim();
        if (to) send(to);
        else target.focus();
      } }, 'Move')),
    message);
  return root;
}

function historyList(entries: HistoryEntry[], revert: (auditId: number) => void): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'muted' }, 'No changes yet: every value is sitrep\'s.');
  // One block per change (revision), newest first.
  const byRevision = new Map<number, HistoryEntry[]>();
  for (const x of entries) {
    const list = byRevision.get(x.revision) ?? [];
    list.push(x);
    byRevision.set(x.revision, list);
  }
  const list = h('ol', { class: 'history-list', reversed: true });
  for (const rows of [...byRevision.values()].reverse()) {
    const first = rows[0]!;
    const when = first.at.replace('T', ' ').slice(0, 16);
    const verb = first.action === 'revert' ? 'reverted a change' : first.action === 'review' ? 'reviewed'
      : first.action === 'split' ? 'split a report off' : first.action === 'move' ? 'moved a report' : 'edited';
    const movable = first.action !== 'split' && first.action !== 'move';
    list.append(h('li', { 'data-revision': first.revision },
      h('p', {}, h('strong', {}, first.user), ` ${verb} · ${when} UTC `,
        movable ? h('button', { type: 'button', class: 'small', 'data-action': 'revert', onclick: () => revert(first.id) }, 'Revert') : null),
      h('ul', {}, rows.map((r) => h('li', { class: 'change' }, h('code', {}, r.field), `: ${shownValue(r.before)} → ${shownValue(r.after)}`))),
      first.reason ? h('p', { class: 'reason' }, 'Reason: ', h('q', {}, first.reason)) : null));
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// The edit form

function input(name: string, value: unknown, attrs: Record<string, string | number | boolean> = {}): HTMLInputElement {
  return h('input', { name, id: `edit-${name}`, value: value === null || value === undefined ? '' : String(value), autocomplete: 'off', ...attrs });
}

function row(label: string, name: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: `edit-${name}` }, label), control);
}

function editForm(e: ReviewedEvent, submit: (changes: Record<string, unknown>) => void): HTMLElement {
  const type = h('select', { name: 'event_type', id: 'edit-event_type' }, EVENT_TYPES.map((t) => h('option', { value: t, selected: t === e.event_type }, t)));
  const sub = h('select', { name: 'sub_event_type', id: 'edit-sub_event_type' });
  const fillSubs = () => {
    const current = sub.value || e.sub_event_type;
    clear(sub);
    for (const [name, v] of Object.entries(SUB_EVENT_TYPES)) {
      if (v.eventType === type.value) sub.append(h('option', { value: name, selected: name === current }, name));
    }
  };
  type.addEventListener('change', fillSubs);
  fillSubs();
  const actors = h('datalist', { id: 'edit-actor-list' });
  const actorInput = (name: string, value: string) => {
    const el = input(name, value, { list: 'edit-actor-list', maxlength: 300 });
    let timer = 0;
    el.addEventListener('input', () => {
      clearTimeout(timer);
      const q = el.value.trim();
      if (q.length < 2) return;
      timer = window.setTimeout(() => {
        void getJson<{ actors: { name: string }[] }>(`/api/actors?${new URLSearchParams({ q, country: e.country ?? '' })}`)
          .then(({ actors: found }) => {
            clear(actors);
            for (const a of found) actors.append(h('option', { value: a.name }));
          })
          .catch(() => undefined);
      }, 150);
    });
    return el;
  };
  const fields: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {
    event_type: type,
    sub_event_type: sub,
    event_date: input('event_date', e.event_date, { type: 'date' }),
    time_precision: h('select', { name: 'time_precision', id: 'edit-time_precision' },
      [1, 2, 3].map((n) => h('option', { value: n, selected: n === e.time_precision }, `${n} (${n === 1 ? 'day' : n === 2 ? 'week' : 'month'})`))),
    actor1: actorInput('actor1', e.actor1),
    assoc_actor_1: actorInput('assoc_actor_1', e.assoc_actor_1),
    inter1: input('inter1', e.inter1, { type: 'number', min: 1, max: 8 }),
    actor2: actorInput('actor2', e.actor2),
    assoc_actor_2: actorInput('assoc_actor_2', e.assoc_actor_2),
    inter2: input('inter2', e.inter2, { type: 'number', min: 0, max: 8 }),
    latitude: input('latitude', e.latitude, { type: 'number', step: 'any', min: -90, max: 90 }),
    longitude: input('longitude', e.longitude, { type: 'number', step: 'any', min: -180, max: 180 }),
    geo_precision: h('select', { name: 'geo_precision', id: 'edit-geo_precision' },
      [1, 2, 3].map((n) => h('option', { value: n, selected: n === e.geo_precision }, `${n} (${n === 1 ? 'the place' : n === 2 ? 'near / district' : 'region'})`))),
    fatalities: input('fatalities', e.fatalities, { type: 'number', min: 0, step: 1 }),
    notes: h('textarea', { name: 'notes', id: 'edit-notes', rows: 4, maxlength: 20000 }, e.notes ?? ''),
  };
  // Location: search the gazetteer; the chosen place brings its admin units, country and precision.
  let placeId: string | undefined;
  /** geo_precision 2 when the point picked on the map is away from the town it names. */
  let nearPrecision: number | undefined;
  const placeQuery = input('place', e.location, { type: 'search', placeholder: 'a place name' });
  const placeChoice = h('p', { class: 'muted place-choice' }, [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(', ') || 'no place');
  const results = h('ul', { class: 'place-results' });
  const search = () => {
    const q = placeQuery.value.trim();
    if (!q) return;
    void getJson<{ places: { id: string; location: string; admin1: string; admin2: string; country: string; latitude: number; longitude: number; geo_precision: number; feature: string }[] }>(`/api/places?q=${encodeURIComponent(q)}`)
      .then(({ places }) => {
        clear(results);
        if (places.length === 0) results.append(h('li', { class: 'muted' }, 'No place of that name in the gazetteer.'));
        for (const p of places) {
          results.append(h('li', {}, h('button', {
            type: 'button',
            class: 'linklike',
            onclick: () => {
              placeId = p.id;
              nearPrecision = undefined;
              placeChoice.textContent = `${[p.location, p.admin2, p.admin1, p.country].filter(Boolean).join(', ')} (${p.feature}, geo_precision ${p.geo_precision})`;
              (fields.latitude as HTMLInputElement).value = String(p.latitude);
              (fields.longitude as HTMLInputElement).value = String(p.longitude);
              (fields.geo_precision as HTMLSelectElement).value = String(p.geo_precision);
              clear(results);
            },
          }, `${[p.location, p.admin2, p.admin1, p.country].filter(Boolean).join(', ')} (${p.feature})`)));
        }
      })
      .catch(() => undefined);
  };
  // Or a click on the map: the nearest town within 30 km brings its admin units; else the point alone.
  let cancelPick: (() => void) | undefined;
  const pickButton = h('button', { type: 'button', class: 'small', 'data-action': 'pick-on-map', 'aria-pressed': 'false' }, 'Pick on the map');
  const pickDone = () => {
    cancelPick = undefined;
    pickButton.setAttribute('aria-pressed', 'false');
    pickButton.textContent = 'Pick on the map';
  };
  pickButton.addEventListener('click', () => {
    if (!mapPicker) return;
    if (cancelPick) {
      cancelPick();
      pickDone();
      return;
    }
    pickButton.setAttribute('aria-pressed', 'true');
    pickButton.textContent = 'Click the place on the map (or here to cancel)';
    cancelPick = mapPicker((lat, lon) => {
      pickDone();
      const la = Math.round(lat * 1e5) / 1e5;
      const lo = Math.round(lon * 1e5) / 1e5;
      (fields.latitude as HTMLInputElement).value = String(la);
      (fields.longitude as HTMLInputElement).value = String(lo);
      placeId = undefined;
      nearPrecision = undefined;
      placeChoice.textContent = `${la}, ${lo} (a point on the map)`;
      void getJson<{ places: { id: string; location: string; admin1: string; admin2: string; country: string; latitude: number; longitude: number; geo_precision: number; feature: string; distance_km: number }[] }>(`/api/places/near?${new URLSearchParams({ lat: String(la), lon: String(lo) })}`)
        .then(({ places }) => {
          clear(results);
          const p = places[0];
          if (!p) {
            placeChoice.textContent = `${la}, ${lo}: no town within 30 km; the coordinates alone are set`;
            return;
          }
          // The nearest town is the place (ACLED codes the named place); within a few km it is exact.
          placeId = p.id;
          placeQuery.value = p.location;
          const near = p.distance_km > 5;
          placeChoice.textContent = `${[p.location, p.admin2, p.admin1, p.country].filter(Boolean).join(', ')} (${p.distance_km} km from the point${near ? ', geo_precision 2: near it' : ''})`;
          (fields.geo_precision as HTMLSelectElement).value = near ? '2' : String(p.geo_precision);
          nearPrecision = near ? 2 : undefined;
          for (const other of places.slice(1)) {
            results.append(h('li', {}, h('button', {
              type: 'button', class: 'linklike',
              onclick: () => {
                placeId = other.id;
                nearPrecision = other.distance_km > 5 ? 2 : undefined;
                (fields.geo_precision as HTMLSelectElement).value = String(nearPrecision ?? other.geo_precision);
                placeQuery.value = other.location;
                placeChoice.textContent = `${[other.location, other.admin2, other.admin1, other.country].filter(Boolean).join(', ')} (${other.distance_km} km from the point)`;
                clear(results);
              },
            }, `or ${other.location} (${other.distance_km} km)`)));
          }
        })
        .catch(() => undefined);
    });
  });
  placeQuery.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      search();
    }
  });
  const form = h('form', { class: 'edit-form', 'aria-label': 'Edit the event' },
    row('Event type', 'event_type', type),
    row('Sub-event type', 'sub_event_type', sub),
    row('Date', 'event_date', fields.event_date!),
    row('Time precision', 'time_precision', fields.time_precision!),
    row('Actor 1', 'actor1', fields.actor1!),
    row('Associated actor 1', 'assoc_actor_1', fields.assoc_actor_1!),
    row('Inter 1', 'inter1', fields.inter1!),
    row('Actor 2', 'actor2', fields.actor2!),
    row('Associated actor 2', 'assoc_actor_2', fields.assoc_actor_2!),
    row('Inter 2', 'inter2', fields.inter2!),
    h('div', { class: 'field' }, h('label', { for: 'edit-place' }, 'Location'),
      h('div', { class: 'place-search' }, placeQuery, h('button', { type: 'button', class: 'small', onclick: search }, 'Search'), mapPicker ? pickButton : null),
      placeChoice, results),
    row('Latitude', 'latitude', fields.latitude!),
    row('Longitude', 'longitude', fields.longitude!),
    row('Geo precision', 'geo_precision', fields.geo_precision!),
    row('Fatalities', 'fatalities', fields.fatalities!),
    row('Notes', 'notes', fields.notes!),
    actors,
    h('button', { type: 'submit', class: 'primary' }, 'Save changes'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes: Record<string, unknown> = {};
    const numeric = new Set(['time_precision', 'inter1', 'inter2', 'geo_precision', 'fatalities', 'latitude', 'longitude']);
    for (const [name, el] of Object.entries(fields)) {
      const raw = el.value.trim();
      const value: unknown = numeric.has(name) ? (raw === '' ? null : Number(raw)) : raw;
      const before = (e as unknown as Record<string, unknown>)[name];
      if (value !== (before ?? (numeric.has(name) ? null : ''))) changes[name] = value;
    }
    if (placeId !== undefined) {
      changes.place_id = placeId;
      delete changes.latitude;
      delete changes.longitude;
      delete changes.geo_precision;
      if (nearPrecision !== undefined) changes.geo_precision = nearPrecision;
    }
    if (Object.keys(changes).length === 0) return;
    submit(changes);
  });
  return h('details', { class: 'edit' }, h('summary', {}, 'Edit the coding'), form);
}
