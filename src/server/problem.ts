// Errors as RFC 9457 problem details (`application/problem+json`): `type` (always "about:blank":
// the status says what kind of problem it is), `title` (the status's phrase), `status`, `detail`
// (what went wrong, in a sentence) and `instance` (the request's path), plus extension members:
// `parameter` names the query parameter, header or body field to blame when one is, and some
// problems carry more (the current `etag` of an event on 412/428).
import type { Context } from 'hono';

export const PROBLEM_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  428: 'Precondition Required',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  parameter?: string;
  [extension: string]: unknown;
}

/** The problem document of a status and a detail (extension members in `extra`). */
export function problemBody(status: number, detail: string, instance?: string, extra: Record<string, unknown> = {}): Problem {
  const base: Problem = { type: 'about:blank', title: TITLES[status] ?? 'Error', status, detail };
  if (instance !== undefined) base.instance = instance;
  // Extension members never replace the standard ones.
  for (const [k, v] of Object.entries(extra)) if (!(k in base) && v !== undefined) base[k] = v;
  return base;
}

/** A problem+json response; headers already set on `c` (WWW-Authenticate, Retry-After...) are kept. */
export function problem(c: Context, status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  c.header('Content-Type', PROBLEM_TYPE);
  return c.body(JSON.stringify(problemBody(status, detail, c.req.path, extra)), status as 400);
}

/** A request body that is not JSON (415, naming `content-type`). */
export class UnsupportedMediaTypeError extends Error {
  constructor() {
    super('must be application/json');
  }
}
