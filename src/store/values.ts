/** SQLite has no boolean type: STRICT tables store flags as 0/1 integers. */
export const toFlag = (value: boolean): number => (value ? 1 : 0)
export const fromFlag = (value: number): boolean => value !== 0

/**
 * `LIMIT` with its value bound at run time. SQLite reads a bare `LIMIT ?` while planning, so every new
 * binding of it re-prepares the statement, which cost 30-40 µs a page, more than the query itself;
 * `? + 0` is an expression it does not look into, and the prepared plan is kept.
 */
export const boundLimit = (parameter: '?' | `@${string}`): string => `LIMIT ${parameter} + 0`
