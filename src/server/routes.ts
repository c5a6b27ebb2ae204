// One declaration per API operation: its zod schemas both validate the request (path and query
// parameters, JSON bodies) and describe it in the OpenAPI 3.1 document at /api/openapi.json, so the
// two cannot drift. `api.route(spec, handler)` registers the operation in the OpenAPI registry and
// the handler in Hono at once; there is no other way to add an /api route (a test checks that every
// Hono route under /api has its operation and the other way round).
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { conditionalGet, type Freshness } from './conditional.js';

/** A parameter, header or body field that cannot be used (400 naming it). */
export class ParamError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(message);
  }
}

/** Who may call an operation: anyone (`public`), readers (anyone without users in the store), or writers. */
export type Access = 'public' | 'read' | 'write';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyObject = z.ZodObject<any>;

export interface RouteSpec<Q extends AnyObject, P extends AnyObject, B extends z.ZodType> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI form: /api/events/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  query?: Q;
  params?: P;
  /** Header parameters (documented; the handler reads them). */
  headers?: AnyObject;
  /** A JSON request body; `input.body(value)` validates a parsed body against it. */
  body?: { schema: B; description?: string; required?: boolean };
  responses: Record<number, ResponseConfig>;
  /** Hono middleware run before validation (role checks, body limits). */
  middleware?: MiddlewareHandler[];
  /** Conditional GET: ETag and Last-Modified from the store's change version, 304 when unchanged. */
  conditional?: Freshness;
}

const CONDITIONAL_HEADERS = z.object({
  'If-None-Match': z.string().optional().meta({ description: 'An ETag of an earlier answer: 304 while the store is unchanged.' }),
  'If-Modified-Since': z.string().optional().meta({ description: 'A Last-Modified of an earlier answer (used without If-None-Match): 304 while the store is unchanged.' }),
});
const VALIDATOR_HEADERS = {
  ETag: { description: 'Changes whenever the store changes (weak).', schema: { type: 'string' as const } },
  'Last-Modified': { description: 'When this server saw the store change last.', schema: { type: 'string' as const } },
};

export interface RouteInput<Q extends AnyObject, P extends AnyObject, B extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
  /** Validates a parsed JSON body; `where` names it in errors ("body", "documents[2]"). */
  body(value: unknown, where?: string): z.output<B>;
}

/** Where a zod issue points, as a parameter name: documents[1].text. */
function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** The first issue of a failed parse as a ParamError naming the parameter or field. */
export function paramErrorOf(error: z.ZodError, prefix = ''): ParamError {
  const issue = error.issues[0]!;
  if (issue.code === 'unrecognized_keys') {
    const key = issuePath(prefix, [...issue.path, issue.keys[0]!]);
    return new ParamError(key, 'unknown field');
  }
  const name = issuePath(prefix, issue.path) || prefix || 'body';
  return new ParamError(name, issue.message);
}

/** `value` checked against `schema`, or a ParamError naming the field (`where` prefixes its path). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw paramErrorOf(r.error, where);
  return r.data;
}

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  // The API description and the session endpoints answer everyone.
  public: [],
  // Without users in the store, anyone may read; with users, a token or a session is needed.
  read: [{}, { bearer: [] }, { session: [] }],
  // Without users: loopback, or SITREP_API_TOKEN as bearer; with users: an editor's token or session.
  write: [{ bearer: [] }, { session: [] }],
};

export class ApiRoutes {
  readonly registry = new OpenAPIRegistry();
  /** Each routed path's pattern and methods, for 405 (Allow) and OPTIONS. */
  private readonly paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  constructor(readonly app: Hono) {
    this.registry.registerComponent('securitySchemes', 'bearer', {
      type: 'http',
      scheme: 'bearer',
      description: 'A user\'s token (`sitrep users add`) or SITREP_API_TOKEN.',
    });
    this.registry.registerComponent('securitySchemes', 'session', {
      type: 'apiKey',
      in: 'cookie',
      name: 'sitrep_session',
      description: 'The dashboard\'s session (POST /api/session); writes also need X-CSRF-Token.',
    });
  }

  route<Q extends AnyObject = z.ZodObject<{}>, P extends AnyObject = z.ZodObject<{}>, B extends z.ZodType = z.ZodUnknown>(
    spec: RouteSpec<Q, P, B>,
    handler: (c: Context, input: RouteInput<Q, P, B>) => Response | Promise<Response>,
  ): void {
    this.registry.registerPath({
      method: spec.method,
      path: spec.path,
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: spec.tags,
      security: SECURITY[spec.access],
      request: {
        ...(spec.query ? { query: spec.query } : {}),
        ...(spec.params ? { params: spec.params } : {}),
        ...(spec.headers || spec.conditional
          ? { headers: spec.conditional ? (spec.headers ?? z.object({})).extend(CONDITIONAL_HEADERS.shape) : spec.headers! }
          : {}),
        ...(spec.body
          ? { body: { required: spec.body.required ?? true, description: spec.body.description, content: { 'application/json': { schema: spec.body.schema } } } }
          : {}),
      },
      responses: spec.conditional
        ? {
          ...spec.responses,
          200: { ...spec.responses[200]!, headers: { ...(spec.responses[200]?.headers ?? {}), ...VALIDATOR_HEADERS } },
          304: { description: 'Not modified: the store has not changed since the ETag (or date) given', headers: VALIDATOR_HEADERS },
        }
        : spec.responses,
    });
    const query = spec.query;
    const allowed = query ? Object.keys(query.shape) : [];
    const params = spec.params;
    const body = spec.body?.schema;
    const fresh = spec.conditional;
    const honoPath = spec.path.replace(/\{(\w+)\}/g, ':$1');
    const validated = async (c: Context) => {
      // Each query parameter at most once, none outside the operation's.
      const raw: Record<string, string> = {};
      for (const [name, values] of Object.entries(c.req.queries())) {
        if (!allowed.includes(name)) {
          throw new ParamError(name, allowed.length ? `unknown parameter (allowed: ${allowed.join(', ')})` : 'unknown parameter (this operation takes none)');
        }
        if (values.length > 1) throw new ParamError(name, 'given more than once');
        raw[name] = values[0]!;
      }
      let q: z.output<Q> = {} as z.output<Q>;
      if (query) {
        const r = query.safeParse(raw);
        if (!r.success) throw paramErrorOf(r.error);
        q = r.data;
      }
      let p: z.output<P> = {} as z.output<P>;
      if (params) {
        const r = params.safeParse(c.req.param());
        if (!r.success) throw paramErrorOf(r.error);
        p = r.data;
      }
      const input: RouteInput<Q, P, B> = {
        query: q,
        params: p,
        body(value, where = 'body') {
          return body ? validate(body, value, where) : (value as z.output<B>);
        },
      };
      return fresh ? conditionalGet(c, fresh, () => handler(c, input)) : handler(c, input);
    };
    this.app.on([spec.method.toUpperCase()], [honoPath], ...(spec.middleware ?? []), validated);
    const known = this.paths.get(spec.path) ?? {
      pattern: new RegExp(`^${spec.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
      methods: new Set<string>(),
    };
    known.methods.add(spec.method.toUpperCase());
    this.paths.set(spec.path, known);
  }

  /** The methods a path answers (HEAD with GET, and OPTIONS), or [] for no operation's path. */
  allowedMethods(path: string): string[] {
    const methods = new Set<string>();
    for (const { pattern, methods: m } of this.paths.values()) if (pattern.test(path)) for (const x of m) methods.add(x);
    if (methods.size === 0) return [];
    if (methods.has('GET')) methods.add('HEAD');
    methods.add('OPTIONS');
    return [...methods];
  }

  /** The OpenAPI 3.1 document of every operation routed so far. */
  document(info: { title: string; version: string; description: string }, components: Record<string, unknown>): Record<string, unknown> {
    const doc = new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: { ...info, license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: '/', description: 'The server that serves this document' }],
    }) as unknown as { components?: Record<string, Record<string, unknown>>; webhooks?: unknown; [k: string]: unknown };
    if (doc.webhooks && Object.keys(doc.webhooks as object).length === 0) delete doc.webhooks;
    const comps = doc.components ?? {};
    comps.schemas = { ...(comps.schemas ?? {}), ...components };
    for (const k of Object.keys(comps)) if (Object.keys(comps[k]!).length === 0) delete comps[k];
    doc.components = comps;
    return doc;
  }
}
