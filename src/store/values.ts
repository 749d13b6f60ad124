/** SQLite has no boolean type: STRICT tables store flags as 0/1 integers. */
export const toFlag = (value: boolean): number => (value ? 1 : 0)
export const fromFlag = (value: number): boolean => value !== 0

/**
 * `LIMIT` with its value bound at run time. SQLite reads a bare `LIMIT ?` while planning, so every new
 * binding of it re-prepares the statement, which cost 30-40 µs a page, more than the query itself;
 * `? + 0` is an expression it does not look into, and the prepared plan is kept.
 */
export const boundLimit = (parameter: '?' | `@${string}`): string => `LIMIT ${parameter} + 0`

/**
 * A batch of rows by id: `FROM ${IDS_JOIN} <table> WHERE <table>.workspace_id = ids.listed_in AND
 * <table>.<id> = ids.listed_id`, bound to the workspace id and `idList(ids)`. Joining on the ids reads
 * each one where `IN (SELECT value FROM json_each(?))` first builds them into a temporary index: a page's
 * twenty lookups 20 -> 14 µs, over some ten such reads a listing. A join yields a row once per id it is
 * given, so the list holds each id once (numbers ascending, the order the IN list read them in; every
 * read by text ids is keyed or ordered by its own columns). The columns are
 * renamed because json_each's own (id, key, type, value and more) would clash with the table's.
 */
export const IDS_JOIN = '(SELECT ? AS listed_in, value AS listed_id FROM json_each(?)) ids CROSS JOIN'

export function idList (ids: ReadonlyArray<string | number>, numeric: boolean): string {
  if (!numeric) return JSON.stringify(ids.length < 2 ? ids : [...new Set(ids)])
  const sorted = ids.map(Number).sort((a, b) => a - b)
  let json = ''
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) json += (json === '' ? '' : ',') + String(sorted[i])
  }
  return `[${json}]`
}
