import type { Comparison, Criterion, SearchCriteria } from '../store/search.js'
import type { SearchKind } from './search-fields.js'
import { dayFinder, type Day } from './search-days.js'
import { isGroup, type SearchFilter, type SearchQuery } from './search-query.js'
import type { SearchSort } from './search.js'

/**
 * What a parsed search means, as exact comparisons for the store:
 * - conversations: `>` and `<` are "Greater (or equal) than" and "Lower (or equal) than" on integers
 *   and dates, as documented; `>=` and `<=` mean the same;
 * - contacts: dates match by calendar day in the workspace's timezone ("`=` matches the whole day,
 *   `>` matches from the start of the next day, `<` matches everything before the start of that
 *   day"); integers compare strictly with `>` and `<`;
 * - `source.body` with `=`, `!=`, `IN`, `NIN` compares whole words ("support" matches "I need support",
 *   "need support" matches nothing);
 * - `~`, `!~`, `^`, `$` are contains, does not contain, starts with, ends with.
 */
export function searchCriteria (kind: SearchKind, query: SearchQuery, sort: SearchSort, timezone: string): SearchCriteria {
  const dayOf = kind === 'contact' ? dayFinder(timezone) : null
  return {
    where: criterion(query, dayOf),
    sort: { field: sort.field, direction: sort.order === 'ascending' ? 'asc' : 'desc' }
  }
}

const TEXT_COMPARISONS: Partial<Record<SearchFilter['operator'], Comparison>> = {
  '~': 'contains', '!~': 'not_contains', '^': 'starts_with', $: 'ends_with'
}
const WORD_COMPARISONS: Partial<Record<SearchFilter['operator'], Comparison>> = {
  '=': 'has_word', IN: 'has_word', '!=': 'lacks_word', NIN: 'lacks_word'
}
const INCLUSIVE: Partial<Record<SearchFilter['operator'], Comparison>> = { '>': '>=', '<': '<=' }

function criterion (query: SearchQuery, dayOf: ((t: number) => Day) | null): Criterion {
  if (isGroup(query)) return { operator: query.operator, conditions: query.value.map(q => criterion(q, dayOf)) }
  const { field, operator, value, type } = query
  const words = field === 'source.body' && value !== null ? WORD_COMPARISONS[operator] : undefined
  if (words !== undefined) return { field, comparison: words, value: Array.isArray(value) ? value : [value as string] }
  const text = TEXT_COMPARISONS[operator]
  if (text !== undefined) return { field, comparison: text, value }
  if (type === 'date' && dayOf !== null && typeof value === 'number') {
    const day = dayOf(value)
    if (operator === '>') return { field, comparison: '>=', value: day.end }
    if (operator === '<') return { field, comparison: '<', value: day.start }
    return { operator: 'AND', conditions: [{ field, comparison: '>=', value: day.start }, { field, comparison: '<', value: day.end }] }
  }
  if (dayOf === null && (type === 'date' || type === 'integer')) return { field, comparison: INCLUSIVE[operator] ?? operator as Comparison, value }
  return { field, comparison: operator as Comparison, value }
}
