/** SQLite has no boolean type: STRICT tables store flags as 0/1 integers. */
export const toFlag = (value: boolean): number => (value ? 1 : 0)
export const fromFlag = (value: number): boolean => value !== 0
