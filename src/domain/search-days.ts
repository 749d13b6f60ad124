import type { UnixSeconds } from './types.js'

/** The calendar day a timestamp falls on, in one timezone: `[start, end)` in UNIX seconds. */
export interface Day {
  start: UnixSeconds
  end: UnixSeconds
}

/** Two days either side of any instant always holds its day's start and end, whatever the offset. */
const SEARCH_SPAN = 2 * 86400

/**
 * Finds day boundaries in an IANA timezone with `Intl` alone: midnight is the first second whose local
 * date is that day, found by bisection, so days of 23 or 25 hours (daylight saving) and zones whose
 * clocks skip midnight come out right. An unknown timezone counts as UTC rather than failing a search.
 */
export function dayFinder (timezone: string): (t: UnixSeconds) => Day {
  const format = formatterFor(timezone)
  const dateOf = (t: UnixSeconds): number => {
    const parts = format.formatToParts(new Date(t * 1000))
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find(p => p.type === type)?.value)
    return part('year') * 10000 + part('month') * 100 + part('day')
  }
  // The first second in (lo, hi] whose local date is `date` or later, where lo's is earlier and hi's is not.
  const firstOnOrAfter = (date: number, lo: number, hi: number): number => {
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2)
      if (dateOf(mid) >= date) hi = mid
      else lo = mid
    }
    return hi
  }
  return (t) => {
    const date = dateOf(t)
    // Dates are yyyymmdd numbers, so "after this date" is "on or after date + 1".
    return { start: firstOnOrAfter(date, t - SEARCH_SPAN, t), end: firstOnOrAfter(date + 1, t, t + SEARCH_SPAN) }
  }
}

function formatterFor (timezone: string): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: timezone }
  try {
    return new Intl.DateTimeFormat('en-US', options)
  } catch {
    return new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
  }
}
