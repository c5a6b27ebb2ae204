// The review endpoints' part of the OpenAPI description (merged into openapi.ts).
const error = { description: 'Error (RFC 9457 problem details)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const json = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object' } } } });
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const ifMatch = { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag of GET /api/events/{id} as last read.' };
const csrf = { name: 'X-CSRF-Token', in: 'header', required: false, schema: { type: 'string' }, description: 'Needed with a session cookie (GET /api/session gives it).' };

export const REVIEW_FILTER_PARAM = {
  name: 'review_status', in: 'query', schema: { type: 'string' },
  description: 'Review statuses, comma-separated: unreviewed, confirmed, edited, rejected.',
};

export const REVIEW_PATHS = {
  '/api/session': {
    get: { summary: 'Whether the store has users, who is signed in, and the session\'s CSRF token', responses: { 200: json('Session') } },
    post: { summary: 'Sign in: exchange a user\'s token ({"token"}) for a session cookie', responses: { 200: json('User and CSRF token'), 400: error, 401: error } },
    delete: { summary: 'Sign out', parameters: [csrf], responses: { 200: json('Signed out') } },
  },
  '/api/users': {
    get: { summary: 'Users and roles (admin)', responses: { 200: json('Users'), 401: error, 403: error } },
    post: { summary: 'Add a user ({"name", "role"}); the token is in the answer only (admin)', parameters: [csrf], responses: { 201: json('The user and token'), 400: error, 403: error } },
  },
  '/api/users/{name}': {
    delete: { summary: 'Remove a user (admin)', parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }, csrf], responses: { 200: json('Removed'), 404: error } },
  },
  '/api/events/{id}/history': {
    get: { summary: 'Every review change of the event: who, when, field, before, after, reason', parameters: [id], responses: { 200: json('History'), 404: error } },
  },
  '/api/events/{id}/revert': {
    post: { summary: 'Revert a change ({"audit_id", "reason"}): every field of it back, as a new change (editor)', parameters: [id, ifMatch, csrf], responses: { 200: json('The event, its ETag and the change'), 400: error, 404: error, 412: error, 428: error } },
  },
  '/api/events/{id}/move-report': {
    post: {
      summary: 'Move one of the event\'s reports ({"report_id", "to", "reason"}) to event `to`, or split it off into an event of its own (no `to`); both events\' fields are chosen again from their reports, the fields an analyst set stay (editor)',
      parameters: [id, ifMatch, csrf],
      responses: { 200: json('Both events, their ETags and the changes'), 400: error, 401: error, 403: error, 404: error, 412: error, 428: error },
    },
  },
  '/api/places': {
    get: { summary: 'Gazetteer places of a name, with admin units, country and geo_precision', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: { 200: json('Places'), 400: error } },
  },
  '/api/places/near': {
    get: { summary: 'The towns of the gazetteer within 30 km of a point (a click on the map), nearest first, each with distance_km', parameters: [{ name: 'lat', in: 'query', required: true, schema: { type: 'number' } }, { name: 'lon', in: 'query', required: true, schema: { type: 'number' } }], responses: { 200: json('Places'), 400: error } },
  },
  '/api/actors': {
    get: { summary: 'Actor names containing q, from the actor dictionary and the store', parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }, { name: 'country', in: 'query', schema: { type: 'string' } }], responses: { 200: json('Actors'), 400: error } },
  },
};

/** PATCH /api/events/{id}: merged into the path of GET /api/events/{id}. */
export const REVIEW_PATCH = {
  summary: 'Review the event (editor): fields as JSON, review_status (confirmed, rejected, unreviewed), place_id, reason',
  parameters: [id, ifMatch, csrf],
  responses: { 200: json('The event, its new ETag and the audit rows of the change'), 400: error, 401: error, 403: error, 404: error, 412: error, 428: error },
};
