// People and roles: a user has a name, a role (viewer reads, editor reviews events, admin also
// manages users) and a token shown once; the store keeps only the token's scrypt hash. Dashboard
// sessions are random cookies stored as their sha256, each with its own CSRF token.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Store } from '../store/index.js';

const scrypt = promisify(scryptCb) as (password: string, salt: string, keylen: number) => Promise<Buffer>;

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export interface User {
  id: string;
  name: string;
  role: Role;
  created_at: number;
}

/** A user-facing problem (bad name, unknown user): the message is shown as is. */
export class UserError extends Error {}

const NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,63}$/u;
const TOKEN = /^sitrep_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
const SESSION_SECONDS = 12 * 3600;

export function parseRole(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new UserError(`role "${value}" is not one of ${ROLES.join(', ')}`);
  return value as Role;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

async function hashSecret(secret: string, salt: string): Promise<string> {
  return (await scrypt(secret, salt, 32)).toString('hex');
}

/** Creates a user; returns it with its token (shown once, never stored). */
export async function addUser(store: Store, name: string, role: Role): Promise<User & { token: string }> {
  if (!NAME.test(name)) throw new UserError(`user name "${name.slice(0, 60)}" must be 1-64 letters, digits, . _ @ - (starting with a letter or digit)`);
  const existing = await store.db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
  if (existing) throw new UserError(`a user named "${name}" exists already (remove it first to issue a new token)`);
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const salt = randomBytes(16).toString('hex');
  const user = { id, name, role, created_at: nowSeconds() };
  await store.db.insertInto('users').values({ ...user, token_salt: salt, token_hash: await hashSecret(secret, salt) }).execute();
  return { ...user, token: `sitrep_${id}_${secret}` };
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('users').select(['id', 'name', 'role', 'created_at']).orderBy('name').execute();
  return rows.map((r) => ({ ...r, role: r.role as Role, created_at: Number(r.created_at) }));
}

/** Removes a user and their sessions; false when there is no such user. */
export async function removeUser(store: Store, name: string): Promise<boolean> {
  const user = await store.db.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
  if (!user) return false;
  await store.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
  });
  return true;
}

export async function hasUsers(store: Store): Promise<boolean> {
  return (await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined;
}

// Verified tokens, by their sha256, with the stored hash they matched: scrypt runs once per token
// (it is slow on purpose); a removed user or a new token (a new hash) no longer matches.
const verified = new Map<string, string>();

/** The user a bearer token belongs to, or undefined. */
export async function userForToken(store: Store, token: string): Promise<User | undefined> {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', m[1]!).executeTakeFirst();
  if (!row) return undefined;
  const key = sha256(token);
  if (verified.get(key) !== row.token_hash) {
    const given = Buffer.from(await hashSecret(m[2]!, row.token_salt), 'hex');
    const stored = Buffer.from(row.token_hash, 'hex');
    if (given.length !== stored.length || !timingSafeEqual(given, stored)) return undefined;
    if (verified.size > 10_000) verified.clear();
    verified.set(key, row.token_hash);
  }
  return { id: row.id, name: row.name, role: row.role as Role, created_at: Number(row.created_at) };
}

export interface Session {
  /** The cookie value (random, shown to the browser only). */
  cookie: string;
  csrf: string;
  expiresAt: number;
}

export async function createSession(store: Store, user: User): Promise<Session> {
  const cookie = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  const expiresAt = nowSeconds() + SESSION_SECONDS;
  const now = nowSeconds();
  await store.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await store.db.insertInto('sessions').values({ id_hash: sha256(cookie), user_id: user.id, csrf, expires_at: expiresAt }).execute();
  return { cookie, csrf, expiresAt };
}

export async function sessionUser(store: Store, cookie: string): Promise<{ user: User; csrf: string } | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(cookie)) return undefined;
  const row = await store.db.selectFrom('sessions as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name', 'u.role', 'u.created_at', 's.csrf', 's.expires_at'])
    .where('s.id_hash', '=', sha256(cookie)).executeTakeFirst();
  if (!row || Number(row.expires_at) < nowSeconds()) return undefined;
  return { user: { id: row.id, name: row.name, role: row.role as Role, created_at: Number(row.created_at) }, csrf: row.csrf };
}

export async function endSession(store: Store, cookie: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id_hash', '=', sha256(cookie)).execute();
}
