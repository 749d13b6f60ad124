/**
 * Every limit the mock enforces on what a client sends, in one place (README "Limits" lists them).
 * Beyond each, the answer is a 4xx error.list naming the field or the problem; never a 500.
 */

/** Request bodies (JSON) up to 1 MiB; larger ones are a 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024

/**
 * A larger body is still read (and thrown away) up to this many bytes, so that the client, which is
 * usually still sending, receives the 413 instead of a reset connection; past it the connection closes.
 */
export const BODY_DRAIN_LIMIT_BYTES = 16 * 1024 * 1024

/** Objects and arrays nest at most this deep in a JSON body (a search query needs 7). */
export const MAX_JSON_DEPTH = 32

/** Timestamps are unix seconds from 0 to 9999-12-31T23:59:59Z: later values are not plausible dates. */
export const MAX_UNIX_TIME = 253402300799

/** `page` (and `per_page`, which is then capped to the list's maximum) at most 2^31 - 1. */
export const MAX_PAGE = 2147483647

/** A search value (`~`, `^`, `=`, …) is a string of at most 255 characters, as Intercom's string attributes are. */
export const MAX_SEARCH_VALUE_LENGTH = 255

/** A custom attribute's name: at most 190 characters (Intercom's limit), no ".", "$", '"' or control characters. */
export const MAX_ATTRIBUTE_NAME_LENGTH = 190

/**
 * `source.body =` (and `!=`, `IN`, `NIN`) match the words of the first 100,000 characters of a body's
 * text: indexing costs time per distinct word, and this keeps a write under a few tens of milliseconds
 * whatever the body holds. `~`, `^` and `$` read the whole body.
 */
export const MAX_INDEXED_BODY_CHARACTERS = 100000
