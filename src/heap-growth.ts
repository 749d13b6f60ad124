import v8 from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection kept, in percent. Left
 * to itself V8 picks up to 300 % when collections are quick, as they are for a server whose requests
 * leave little behind, so the resident memory under a steady load was mostly garbage awaiting a
 * collection: peak 166 MiB under the POST /messages load, 134 MiB at 100 %, requests/s alike. At 50 %
 * (126 MiB) large pages (a 2.x contact page is 89 KiB) cost 5-8 % more CPU in collections; at 100 %
 * they cost what they did.
 */
export const HEAP_GROWING_PERCENT = 100

/** The V8 flag the command sets, or null when its user chose one on node's command line (NODE_OPTIONS may not hold it). */
export function heapGrowthFlag (execArgv: readonly string[]): string | null {
  return execArgv.some(arg => /^--heap[-_]growing[-_]percent(=|$)/.test(arg)) ? null : `--heap-growing-percent=${HEAP_GROWING_PERCENT}`
}

/** For the command only: V8's flags are the whole process's, and an in-process mock shares its host's. */
export function capHeapGrowth (): void {
  const flag = heapGrowthFlag(process.execArgv)
  if (flag !== null) v8.setFlagsFromString(flag)
}
