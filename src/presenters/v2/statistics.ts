import type { ConversationStatistics } from '../../domain/types.js'

/**
 * `conversation_statistics`. Every description types the durations, times and `last_closed_by_id`
 * as non-nullable, so a figure the conversation does not have yet (no admin reply, never closed) is
 * left out rather than sent as null; the counts are always known.
 */
export interface ConversationStatisticsV2 {
  type: 'conversation_statistics'
  time_to_assignment?: number
  time_to_admin_reply?: number
  time_to_first_close?: number
  time_to_last_close?: number
  median_time_to_reply?: number
  first_contact_reply_at?: number
  first_assignment_at?: number
  first_admin_reply_at?: number
  first_close_at?: number
  last_assignment_at?: number
  last_assignment_admin_reply_at?: number
  last_contact_reply_at?: number
  last_admin_reply_at?: number
  last_close_at?: number
  last_closed_by_id?: string
  count_reopens: number
  count_assignments: number
  count_conversation_parts: number
}

export function presentStatisticsV2 (s: ConversationStatistics): ConversationStatisticsV2 {
  return {
    type: 'conversation_statistics',
    ...known('time_to_assignment', s.timeToAssignment),
    ...known('time_to_admin_reply', s.timeToAdminReply),
    ...known('time_to_first_close', s.timeToFirstClose),
    ...known('time_to_last_close', s.timeToLastClose),
    ...known('median_time_to_reply', s.medianTimeToReply),
    ...known('first_contact_reply_at', s.firstContactReplyAt),
    ...known('first_assignment_at', s.firstAssignmentAt),
    ...known('first_admin_reply_at', s.firstAdminReplyAt),
    ...known('first_close_at', s.firstCloseAt),
    ...known('last_assignment_at', s.lastAssignmentAt),
    ...known('last_assignment_admin_reply_at', s.lastAssignmentAdminReplyAt),
    ...known('last_contact_reply_at', s.lastContactReplyAt),
    ...known('last_admin_reply_at', s.lastAdminReplyAt),
    ...known('last_close_at', s.lastCloseAt),
    ...known('last_closed_by_id', s.lastClosedById),
    count_reopens: s.countReopens,
    count_assignments: s.countAssignments,
    count_conversation_parts: s.countConversationParts
  }
}

/** `{ [key]: value }` when the value is known, `{}` when it is null. */
function known<K extends string, V> (key: K, value: V | null): { [P in K]?: V } {
  return value === null ? {} : { [key]: value } as { [P in K]?: V }
}
