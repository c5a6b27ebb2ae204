// Bounds of the HTTP API.
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Largest request body accepted (POST /api/documents). */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Most documents in one POST. */
export const MAX_DOCUMENTS_PER_REQUEST = 1000;
export const MAX_ID_LENGTH = 200;
