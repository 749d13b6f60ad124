import type { ConversationRecord, MessageRecord, PartRecord } from '../store/index.js'
import type { ConversationStatistics, UnixSeconds } from './types.js'

const REOPENING = new Set(['open', 'assign_and_reopen', 'note_and_reopen'])

/**
 * Intercom's conversation statistics, replayed from the opening message and the parts in order:
 * replies, assignments, closes and reopens, and the times between them.
 */
export function conversationStatistics (record: ConversationRecord, message: MessageRecord, parts: readonly PartRecord[]): ConversationStatistics {
  const byContact = parts.filter(p => p.authorType === 'contact')
  const adminReplies = parts.filter(p => p.authorType === 'admin' && p.partType === 'comment')
  const assignments = parts.filter(p => p.partType === 'assignment' || p.partType === 'assign_and_reopen')
  const closes = parts.filter(p => p.partType === 'close')
  const contactTimes = [...(message.authorType === 'contact' ? [message.createdAt] : []), ...byContact.map(p => p.createdAt)]
  const lastAssignment = assignments.at(-1)
  const since = (at: UnixSeconds | null) => at === null ? null : at - record.createdAt

  let closed = false
  let countReopens = 0
  for (const part of parts) {
    if (part.partType === 'close') closed = true
    else if (closed && (REOPENING.has(part.partType) || part.authorType === 'contact')) {
      closed = false
      countReopens++
    }
  }

  const firstAdminReplyAt = adminReplies[0]?.createdAt ?? null
  const firstAssignmentAt = assignments[0]?.createdAt ?? null
  const firstCloseAt = closes[0]?.createdAt ?? null
  const lastCloseAt = closes.at(-1)?.createdAt ?? null
  return {
    timeToAssignment: since(firstAssignmentAt),
    timeToAdminReply: since(firstAdminReplyAt),
    timeToFirstClose: since(firstCloseAt),
    timeToLastClose: since(lastCloseAt),
    medianTimeToReply: median(replyTimes(contactTimes, adminReplies.map(p => p.createdAt))),
    firstContactReplyAt: contactTimes[0] ?? null,
    firstAssignmentAt,
    firstAdminReplyAt,
    firstCloseAt,
    lastAssignmentAt: lastAssignment?.createdAt ?? null,
    lastAssignmentAdminReplyAt: lastAssignment === undefined ? null : adminReplies.find(p => p.createdAt >= lastAssignment.createdAt)?.createdAt ?? null,
    lastContactReplyAt: contactTimes.at(-1) ?? null,
    lastAdminReplyAt: adminReplies.at(-1)?.createdAt ?? null,
    lastCloseAt,
    lastClosedById: closes.at(-1)?.authorId ?? null,
    countReopens,
    countAssignments: assignments.length,
    countConversationParts: parts.length
  }
}

/** For each admin reply, how long the customer had waited since the first message it answers. */
function replyTimes (contactTimes: readonly number[], adminTimes: readonly number[]): number[] {
  const times: number[] = []
  let answeredUpTo = -Infinity
  for (const replyAt of adminTimes) {
    const waitingFrom = contactTimes.find(at => at > answeredUpTo && at <= replyAt)
    if (waitingFrom !== undefined) times.push(replyAt - waitingFrom)
    answeredUpTo = replyAt
  }
  return times
}

function median (values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] as number : Math.round(((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2)
}
