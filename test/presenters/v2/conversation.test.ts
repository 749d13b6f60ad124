import t from 'tap'
import type { ConversationPart } from '../../../src/domain/types.js'
import { presentConversationListV2, presentConversationV2 } from '../../../src/presenters/v2/conversation.js'
import {
  adminInitiated, atLeast, customerInitiated, CONVERSATIONS, listed, mal, page, river, snoozed, T0, V2_LABELS, version, visitor
} from './fixtures/objects.js'
import { assertSpec } from './fixtures/assert-spec.js'

const BOT = { type: 'bot', id: '991267654', name: 'Operator', email: 'operator@intercom.io' }
const WASH = { type: 'admin', id: '394051', name: 'Wash', email: 'wash@serenity.io' }
const ZOE = { type: 'admin', id: '394052', name: 'Zoe', email: 'zoe@serenity.io' }
const MAL = { type: 'user', id: mal.id, name: 'Malcolm Reynolds', email: 'mal@serenity.io' }
const RIVER = { type: 'lead', id: river.id, name: null }

function upload (name: string, url: string, contentType: string): object {
  return { type: 'upload', name, url, content_type: contentType, filesize: 0 }
}

/** Mal's conversation's parts as every 2.x version renders them, before 2.13's additions. */
const CUSTOMER_PARTS: Array<[string, object, string | null, object | null, object[]]> = [
  ['comment', BOT, '<p>Thanks, a teammate will be with you shortly.</p>', null, []],
  ['assignment', WASH, null, { type: 'admin', id: '394051' }, []],
  ['comment', WASH, '<p>Send me a picture &amp; the manual</p>', null, [
    upload('catalyzer 1.png', 'https://files.serenity.io/catalyzer%201.png', 'image/png'),
    upload('manual.pdf', 'https://files.serenity.io/manual.pdf', 'application/pdf')
  ]],
  ['note', ZOE, '<p>He always says that</p>', null, []],
  ['comment', RIVER, '<p>Two by two, hands of blue</p>', null, []],
  ['participant_added', WASH, null, null, []],
  ['participant_removed', WASH, null, null, []],
  ['close', ZOE, null, null, []],
  ['open', MAL, '<p>It broke again</p>', null, [upload('noise', 'https://files.serenity.io/noise', 'application/octet-stream')]],
  ['assign_and_reopen', WASH, null, { type: 'team', id: '814860' }, []],
  ['assignment', WASH, null, null, []],
  ['snoozed', ZOE, null, null, []],
  ['unsnoozed', BOT, null, null, []],
  ['note_and_reopen', ZOE, '<b>Back on it</b>', null, []]
]

function expectedParts (label: string, parts: readonly ConversationPart[], rendered: typeof CUSTOMER_PARTS): object {
  return {
    type: 'conversation_part.list',
    total_count: rendered.length,
    conversation_parts: rendered.map(([partType, author, body, assignedTo, attachments], i) => {
      const part = parts[i] as ConversationPart
      return {
        type: 'conversation_part',
        id: part.id,
        part_type: partType,
        body,
        created_at: part.createdAt,
        updated_at: part.updatedAt,
        notified_at: part.notifiedAt,
        assigned_to: assignedTo,
        author,
        attachments,
        external_id: null,
        redacted: false,
        ...(atLeast(label, 13) ? { email_message_metadata: null, tags: [], event_details: null, app_package_code: null } : {})
      }
    })
  }
}

/** What every version adds after 2.7 (ticket 2.9, linked_objects 2.10, Fin 2.11). */
function laterFields (label: string): object {
  return {
    ...(atLeast(label, 9) ? { ticket: null } : {}),
    ...(atLeast(label, 10) ? { linked_objects: { type: 'list', data: [], total_count: 0, has_more: false } } : {}),
    ...(atLeast(label, 11) ? { ai_agent: null, ai_agent_participated: false } : {})
  }
}

function expectedCustomerInitiated (label: string): object {
  return {
    type: 'conversation',
    id: '1000000001',
    title: null,
    created_at: T0,
    updated_at: T0 + 3600,
    waiting_since: T0 + 55 * 60,
    snoozed_until: null,
    open: true,
    state: 'open',
    read: false,
    priority: atLeast(label, 16) ? 'none' : 'not_priority',
    admin_assignee_id: 394051,
    team_assignee_id: 814860,
    tags: { type: 'tag.list', tags: [] },
    conversation_rating: null,
    source: {
      type: 'conversation',
      id: '2001',
      delivered_as: 'customer_initiated',
      subject: '',
      body: '<p>Hey</p><p>The &lt;engine&gt; is making that noise again</p>',
      author: MAL,
      attachments: [],
      url: 'https://serenity.io/engine-room',
      redacted: false
    },
    contacts: {
      type: 'contact.list',
      contacts: [{ type: 'contact', id: mal.id, external_id: '25' }, { type: 'contact', id: river.id, external_id: null }]
    },
    teammates: { type: 'admin.list', teammates: [{ type: 'admin', id: '394051' }, { type: 'admin', id: '394052' }] },
    first_contact_reply: { created_at: T0, type: 'conversation', url: null },
    custom_attributes: { issue_type: 'Engine', order_ref: 'SER-1' },
    topics: {},
    statistics: {
      type: 'conversation_statistics',
      time_to_assignment: 120,
      time_to_admin_reply: 300,
      time_to_first_close: 1800,
      time_to_last_close: 1800,
      median_time_to_reply: 300,
      first_contact_reply_at: T0,
      first_assignment_at: T0 + 120,
      first_admin_reply_at: T0 + 300,
      first_close_at: T0 + 1800,
      last_assignment_at: T0 + 2400,
      // last_assignment_admin_reply_at is unknown (null in the model): left out
      last_contact_reply_at: T0 + 55 * 60,
      last_admin_reply_at: T0 + 300,
      last_close_at: T0 + 1800,
      last_closed_by_id: '394052',
      count_reopens: 2,
      count_assignments: 3,
      count_conversation_parts: 14
    },
    sla_applied: null,
    ...laterFields(label),
    conversation_parts: expectedParts(label, customerInitiated.parts ?? [], CUSTOMER_PARTS)
  }
}

function expectedAdminInitiated (label: string): object {
  const unassigned = atLeast(label, 16) ? 0 : null
  return {
    type: 'conversation',
    id: '1000000002',
    title: 'About the Academy',
    created_at: T0 + 3600,
    updated_at: T0 + 3600,
    waiting_since: null,
    snoozed_until: null,
    open: false,
    state: 'closed',
    read: true,
    priority: atLeast(label, 16) ? 'none' : 'not_priority',
    admin_assignee_id: unassigned,
    team_assignee_id: unassigned,
    tags: { type: 'tag.list', tags: [] },
    conversation_rating: null,
    source: {
      type: 'email',
      id: '2002',
      delivered_as: 'admin_initiated',
      subject: 'About the Academy',
      body: '<p>Hi River,</p><p>We need to talk.</p>',
      author: WASH,
      attachments: [],
      url: null,
      redacted: false
    },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: river.id, external_id: null }] },
    teammates: { type: 'admin.list', teammates: [{ type: 'admin', id: '394051' }] },
    first_contact_reply: null,
    custom_attributes: {},
    topics: {},
    statistics: { type: 'conversation_statistics', count_reopens: 0, count_assignments: 0, count_conversation_parts: 0 },
    sla_applied: null,
    ...laterFields(label),
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [], total_count: 0 }
  }
}

t.test('a customer-initiated conversation renders every part type, author and attachment, in every version', async t => {
  for (const label of V2_LABELS) {
    t.strictSame(presentConversationV2(customerInitiated, 'html', version(label)), expectedCustomerInitiated(label), label)
  }
})

t.test('an admin-initiated email renders closed and unassigned: null before 2.16, 0 from 2.16', async t => {
  for (const label of V2_LABELS) {
    t.strictSame(presentConversationV2(adminInitiated, 'html', version(label)), expectedAdminInitiated(label), label)
  }
})

t.test('assignee ids are integers, and priority follows the enum of the version', async t => {
  const at = (label: string) => presentConversationV2(customerInitiated, 'html', version(label))
  for (const label of ['2.0', '2.6', '2.15']) {
    t.equal(at(label).admin_assignee_id, 394051, `${label} admin`)
    t.equal(at(label).team_assignee_id, 814860, `${label} team`)
    t.equal(at(label).priority, 'not_priority', `${label} priority`)
  }
  for (const label of ['2.16', 'Unstable', 'Preview']) t.equal(at(label).priority, 'none', `${label} priority`)
  const snoozedAt = (label: string) => presentConversationV2(snoozed, 'html', version(label))
  t.equal(snoozedAt('2.15').team_assignee_id, null, 'no team before 2.16')
  t.equal(snoozedAt('2.16').team_assignee_id, 0, 'no team from 2.16')
  t.equal(snoozedAt('2.16').admin_assignee_id, 394052)
})

t.test('a snoozed conversation is open, and a visitor who wrote it is a lead', async t => {
  const wire = presentConversationV2(snoozed, 'html', version('2.10'))
  t.equal(wire.state, 'snoozed')
  t.equal(wire.open, true)
  t.equal(wire.snoozed_until, T0 + 86400)
  t.strictSame(wire.source.author, { type: 'lead', id: visitor.id, name: null }, 'no email key for a lead without one')
  t.strictSame(wire.contacts, { type: 'contact.list', contacts: [{ type: 'contact', id: visitor.id, external_id: null }] })
  t.strictSame(wire.first_contact_reply, { created_at: T0 + 7200, type: 'conversation', url: null })
  t.strictSame(wire.conversation_parts?.conversation_parts.map(p => [p.part_type, p.author.type, p.assigned_to]), [['snoozed', 'admin', null]])
})

t.test('display_as=plaintext gives bodies back as written', async t => {
  const wire = presentConversationV2(customerInitiated, 'plaintext', version('2.11'))
  t.equal(wire.source.body, 'Hey\nThe <engine> is making that noise again')
  t.strictSame(wire.conversation_parts?.conversation_parts.map(p => p.body).filter(b => b !== null), [
    'Thanks, a teammate will be with you shortly.',
    'Send me a picture & the manual',
    'He always says that',
    'Two by two, hands of blue',
    'It broke again',
    'Back on it'
  ])
})

t.test('a conversation retrieved without its parts has no conversation_parts', async t => {
  const wire = presentConversationV2(listed(customerInitiated), 'html', version('2.13'))
  t.notOk('conversation_parts' in wire)
})

t.test('a list holds conversations without parts, the total and cursor pages', async t => {
  const items = Object.values(CONVERSATIONS).map(listed)
  const middle = presentConversationListV2(page(items, { page: 2, perPage: 3, totalCount: 8, totalPages: 3, nextStartingAfter: 'WzMsNl0=' }), 'html', version('2.7'))
  t.equal(middle.type, 'conversation.list')
  t.equal(middle.total_count, 8)
  t.strictSame(middle.pages, { type: 'pages', page: 2, per_page: 3, total_pages: 3, next: { per_page: 3, starting_after: 'WzMsNl0=' } })
  t.strictSame(middle.conversations.map(c => c.id), ['1000000001', '1000000002', '1000000003'])
  t.ok(middle.conversations.every(c => !('conversation_parts' in c)), 'no conversation_parts in list items')
  const { conversation_parts: _parts, ...item } = expectedCustomerInitiated('2.7') as { conversation_parts: unknown }
  t.strictSame(middle.conversations[0], item, 'an item is the conversation without its parts')

  const last = presentConversationListV2(page(items), 'html', version('2.16'))
  t.strictSame(last.pages, { type: 'pages', page: 1, per_page: 20, total_pages: 1 }, 'the last page has no next')
  const empty = presentConversationListV2(page([], { totalPages: 0 }), 'html', version('2.16'))
  t.strictSame(empty, { type: 'conversation.list', pages: { type: 'pages', page: 1, per_page: 20, total_pages: 0 }, total_count: 0, conversations: [] })
})

t.test('every conversation matches the spec of every version it answers', async t => {
  for (const label of V2_LABELS) {
    for (const c of Object.values(CONVERSATIONS)) {
      const body = presentConversationV2(c, 'html', version(label))
      const operations: Array<[string, string]> = [
        ['GET', `/conversations/${c.id}`],
        ['PUT', `/conversations/${c.id}`],
        ['POST', `/conversations/${c.id}/reply`]
      ]
      // Close, snooze, open and assign moved from /reply to /parts in 2.7 (intercom-api.md §2.10).
      if (atLeast(label, 7)) operations.push(['POST', `/conversations/${c.id}/parts`])
      for (const [method, url] of operations) assertSpec(t, label, method, url, body)
    }
  }
})

t.test('conversation lists match GET /conversations and POST /conversations/search in every version', async t => {
  const items = Object.values(CONVERSATIONS).map(listed)
  for (const label of V2_LABELS) {
    for (const p of [page(items, { totalCount: 30, totalPages: 2, nextStartingAfter: 'WzIsM10=' }), page(items)]) {
      const body = presentConversationListV2(p, 'plaintext', version(label))
      assertSpec(t, label, 'GET', '/conversations', body)
      assertSpec(t, label, 'POST', '/conversations/search', body)
    }
  }
})
