import t, { type Test } from 'tap'
import { build, FIXTURE, T0, type ApiRequest, type TestApp } from '../helper.js'
import { CLIENT_SECRET, ENVELOPE_KEYS, signatureValid, startReceiver } from './receiver.js'

/**
 * Each REST action of the mock against two subscriptions, one 1.x and one 2.x, subscribed to every
 * parent topic: the topics each receives, one signed notification apiece, items in its own version.
 */
interface Scenario {
  name: string
  /** May answer an id for `{id}` in the action's URL or payload. */
  arrange?: (api: TestApp, conversationId: string) => Promise<string | void>
  /** The action; `{conv}` in the URL is a conversation Mal started. */
  action: ApiRequest
  v1: string[]
  v2: string[]
  /** How many parts a conversation item carries (only the action's). */
  parts?: number
  check?: (t: Test, v1: any[], v2: any[]) => void
}

const admin = (messageType: string, extra: Record<string, unknown> = {}): ApiRequest => ({
  method: 'POST', url: '/conversations/{conv}/reply', payload: { type: 'admin', admin_id: FIXTURE.wash.id, message_type: messageType, ...extra }
})
const closeIt = async (api: TestApp, conv: string) => { await send(api, { ...admin('close'), url: `/conversations/${conv}/reply` }) }
const snoozeIt = async (api: TestApp, conv: string) => { await send(api, { ...admin('snoozed', { snoozed_until: T0 + 3600 }), url: `/conversations/${conv}/reply` }) }

const scenarios: Scenario[] = [
  {
    name: 'a user message',
    action: { method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.inara.id }, body: 'Hello' } },
    v1: ['conversation.user.created'],
    v2: ['conversation.user.created'],
    parts: 0,
    check: (t, [v1], [v2]) => {
      t.equal(v1.conversation_message.body, '<p>Hello</p>')
      t.equal(v2.source.body, '<p>Hello</p>')
    }
  },
  {
    name: 'a lead message',
    action: { method: 'POST', url: '/messages', payload: { from: { type: 'contact', id: FIXTURE.simon.id }, body: 'Hello' } },
    v1: ['conversation.user.created'],
    v2: ['conversation.user.created'],
    parts: 0
  },
  {
    name: 'a visitor message (the visitor becomes a lead)',
    action: { method: 'POST', url: '/messages', payload: { from: { type: 'contact', user_id: FIXTURE.visitor.userId }, body: 'Hello' } },
    v1: ['visitor.signed_up', 'conversation.user.created'],
    v2: ['visitor.signed_up', 'conversation.user.created']
  },
  {
    name: 'an admin message',
    action: { method: 'POST', url: '/messages', payload: { message_type: 'inapp', from: { type: 'admin', id: FIXTURE.wash.id }, to: { type: 'user', id: FIXTURE.inara.id }, body: 'Hi' } },
    v1: ['conversation.admin.single.created'],
    v2: ['conversation.admin.single.created'],
    parts: 0,
    check: (t, [v1]) => t.equal(v1.conversation_message.author.type, 'admin')
  },
  {
    name: 'a user reply',
    action: { method: 'POST', url: '/conversations/{conv}/reply', payload: { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'More' } },
    v1: ['conversation.user.replied'],
    v2: ['conversation.user.replied'],
    parts: 1,
    check: (t, [v1], [v2]) => {
      t.equal(v1.conversation_parts.conversation_parts[0].body, '<p>More</p>')
      t.equal(v2.conversation_parts.conversation_parts[0].part_type, 'comment')
    }
  },
  { name: 'an admin reply', action: admin('comment', { body: 'On its way!' }), v1: ['conversation.admin.replied'], v2: ['conversation.admin.replied'], parts: 1 },
  {
    name: 'an admin note',
    action: admin('note', { body: 'Internal' }),
    v1: ['conversation.admin.noted'],
    v2: ['conversation.admin.noted'],
    parts: 1,
    check: (t, [v1]) => t.equal(v1.conversation_parts.conversation_parts[0].part_type, 'note')
  },
  {
    name: 'an assignment',
    action: admin('assignment', { assignee_id: FIXTURE.zoe.id }),
    v1: ['conversation.admin.assigned'],
    v2: ['conversation.admin.assigned'],
    parts: 1,
    check: (t, [v1], [v2]) => {
      t.same(v1.assignee, { type: 'admin', id: FIXTURE.zoe.id })
      t.equal(String(v2.admin_assignee_id), FIXTURE.zoe.id)
    }
  },
  { name: 'a close', action: admin('close'), v1: ['conversation.admin.closed'], v2: ['conversation.admin.closed'], parts: 1 },
  { name: 'an open', arrange: closeIt, action: admin('open'), v1: ['conversation.admin.opened'], v2: ['conversation.admin.opened'], parts: 1 },
  {
    name: 'a snooze',
    action: admin('snoozed', { snoozed_until: T0 + 3600 }),
    v1: ['conversation.admin.snoozed'],
    v2: ['conversation.admin.snoozed'],
    parts: 1,
    check: (t, [v1]) => {
      t.equal(v1.state, 'snoozed')
      t.equal(v1.snoozed_until, T0 + 3600)
    }
  },
  { name: 'an unsnooze', arrange: snoozeIt, action: admin('open'), v1: ['conversation.admin.unsnoozed'], v2: ['conversation.admin.unsnoozed'], parts: 1 },
  {
    name: 'an assignment of a closed conversation (assign and reopen)',
    arrange: closeIt,
    action: admin('assignment', { assignee_id: FIXTURE.zoe.id }),
    v1: ['conversation.admin.assigned', 'conversation.admin.opened'],
    v2: ['conversation.admin.assigned', 'conversation.admin.opened'],
    parts: 1
  },
  {
    name: 'a conversation marked read',
    action: { method: 'PUT', url: '/conversations/{conv}', payload: { read: true } },
    v1: [],
    v2: ['conversation.read'],
    parts: 0
  },
  {
    name: 'a user created (1.x POST /users)',
    action: { method: 'POST', url: '/users', version: '1.4', payload: { user_id: 'new-1', email: 'new@example.com' } },
    v1: ['user.created'],
    v2: ['contact.user.created'],
    check: (t, [v1], [v2]) => {
      t.equal(v1.type, 'user')
      t.equal(v1.user_id, 'new-1')
      t.equal(v1.created_at, new Date(T0 * 1000).toISOString(), 'person times are ISO strings in webhooks')
      t.equal(v2.type, 'contact')
      t.equal(v2.role, 'user')
    }
  },
  {
    name: 'a contact created (2.x POST /contacts, lead)',
    action: { method: 'POST', url: '/contacts', version: '2.11', payload: { role: 'lead', email: 'lead@example.com' } },
    v1: ['contact.created'],
    v2: ['contact.lead.created'],
    check: (t, [v1]) => t.equal(v1.type, 'contact')
  },
  {
    name: 'a user\'s email changed',
    action: { method: 'POST', url: '/users', version: '1.4', payload: { id: FIXTURE.mal.id, email: 'captain@serenity.io' } },
    v1: ['user.email.updated'],
    v2: ['contact.user.updated', 'contact.email.updated'],
    check: (t, [v1]) => t.equal(v1.email, 'captain@serenity.io')
  },
  {
    name: 'a user unsubscribed',
    action: { method: 'PUT', url: `/contacts/${FIXTURE.inara.id}`, version: '2.11', payload: { unsubscribed_from_emails: true } },
    v1: ['user.unsubscribed'],
    v2: ['contact.user.updated']
  },
  {
    name: 'a lead gains an email',
    arrange: async (api) => (await send(api, { method: 'POST', url: '/contacts', version: '1.4', payload: { name: 'Anonymous' } })).id,
    action: { method: 'POST', url: '/contacts', version: '1.4', payload: { id: '{id}', email: 'anon@example.com' } },
    v1: ['contact.updated', 'contact.added_email'],
    v2: ['contact.lead.updated', 'contact.lead.added_email']
  },
  {
    name: 'a lead converted to a user (1.x)',
    action: { method: 'POST', url: '/contacts/convert', version: '1.4', payload: { contact: { id: FIXTURE.river.id }, user: { user_id: 'river-1' } } },
    v1: ['contact.signed_up'],
    v2: ['contact.lead.signed_up'],
    check: (t, [v1]) => t.equal(v1.type, 'user')
  },
  {
    name: 'a lead merged into a user (2.x)',
    action: { method: 'POST', url: '/contacts/merge', version: '2.11', payload: { from: FIXTURE.simon.id, into: FIXTURE.jayne.id } },
    v1: ['contact.signed_up'],
    v2: ['contact.merged'],
    check: (t, _, [v2]) => {
      t.equal(v2.id, FIXTURE.jayne.id)
      t.same(v2.merged_from, { type: 'contact', id: FIXTURE.simon.id })
    }
  },
  {
    name: 'a visitor converted',
    action: { method: 'POST', url: '/visitors/convert', version: '1.4', payload: { type: 'lead', visitor: { user_id: FIXTURE.book.userId } } },
    v1: ['visitor.signed_up'],
    v2: ['visitor.signed_up']
  },
  {
    name: 'a user deleted',
    action: { method: 'DELETE', url: `/users/${FIXTURE.inara.id}`, version: '1.4' },
    v1: ['user.deleted'],
    v2: ['contact.deleted'],
    check: (t, [v1], [v2]) => {
      t.same(v1, { type: 'user', id: FIXTURE.inara.id, user_id: FIXTURE.inara.userId, email: FIXTURE.inara.email }, 'a minimal item')
      t.same(v2, { id: FIXTURE.inara.id, external_id: FIXTURE.inara.userId, type: 'contact', deleted: true })
    }
  },
  {
    name: 'a user tagged (2.x POST /contacts/{id}/tags)',
    action: { method: 'POST', url: `/contacts/${FIXTURE.mal.id}/tags`, version: '2.14', payload: { id: '7000002' } },
    v1: ['user.tag.created'],
    v2: ['contact.user.tag.created'],
    check: (t, [v1], [v2]) => {
      t.match(v1, { type: 'user_tag', created_at: T0, tag: { type: 'tag', id: '7000002', name: 'VIP' }, user: { type: 'user', id: FIXTURE.mal.id } })
      t.ok(v1.user.tags.tags.some((tag: { id: string }) => tag.id === '7000002'), 'the user as tagged')
      t.match(v2, { type: 'contact_tag', created_at: T0, tag: { type: 'tag', id: '7000002', name: 'VIP' }, contact: { type: 'contact', id: FIXTURE.mal.id, role: 'user' } })
    }
  },
  {
    name: 'a lead tagged (1.x POST /tags with users); a tag already there notifies nothing',
    arrange: async (api) => { await send(api, { method: 'POST', url: `/contacts/${FIXTURE.mal.id}/tags`, version: '2.14', payload: { id: '7000002' } }) },
    action: { method: 'POST', url: '/tags', version: '1.4', payload: { name: 'VIP', users: [{ id: FIXTURE.simon.id }, { id: FIXTURE.mal.id }] } },
    v1: ['contact.tag.created'],
    v2: ['contact.lead.tag.created'],
    check: (t, [v1], [v2]) => {
      t.match(v1, { type: 'contact_tag', tag: { name: 'VIP' }, contact: { type: 'contact', id: FIXTURE.simon.id } })
      t.match(v2, { type: 'contact_tag', contact: { id: FIXTURE.simon.id, role: 'lead' } })
    }
  },
  {
    name: 'a user untagged',
    arrange: async (api) => { await send(api, { method: 'POST', url: `/contacts/${FIXTURE.mal.id}/tags`, version: '2.14', payload: { id: '7000002' } }) },
    action: { method: 'DELETE', url: `/contacts/${FIXTURE.mal.id}/tags/7000002`, version: '2.14' },
    v1: ['user.tag.deleted'],
    v2: ['contact.user.tag.deleted'],
    check: (t, [v1]) => t.notOk(v1.user.tags.tags.some((tag: { id: string }) => tag.id === '7000002'), 'the user as untagged')
  },
  {
    name: 'a company created (and not when updated)',
    arrange: async (api) => { await send(api, { method: 'POST', url: '/companies', version: '2.14', payload: { company_id: 'alliance', name: 'Alliance' } }) },
    action: { method: 'POST', url: '/companies', version: '1.4', payload: { company_id: 'blue-sun', name: 'Blue Sun', plan: 'Enterprise' } },
    v1: ['company.created'],
    v2: ['company.created'],
    check: (t, [v1], [v2]) => {
      for (const item of [v1, v2]) t.match(item, { type: 'company', company_id: 'blue-sun', name: 'Blue Sun', plan: { name: 'Enterprise' } })
    }
  },
  {
    name: 'a contact archived (2.x only)',
    action: { method: 'POST', url: `/contacts/${FIXTURE.inara.id}/archive`, version: '2.14' },
    v1: [],
    v2: ['contact.archived'],
    check: (t, _, [v2]) => t.match(v2, { type: 'contact', id: FIXTURE.inara.id })
  },
  {
    name: 'a contact unarchived',
    arrange: async (api) => { await send(api, { method: 'POST', url: `/contacts/${FIXTURE.inara.id}/archive`, version: '2.14' }) },
    action: { method: 'POST', url: `/contacts/${FIXTURE.inara.id}/unarchive`, version: '2.14' },
    v1: [],
    v2: ['contact.unarchive']
  },
  {
    name: 'a participant added (2.x only)',
    action: { method: 'POST', url: '/conversations/{conv}/customers', version: '2.14', payload: { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } } },
    v1: [],
    v2: ['conversation.contact.attached'],
    check: (t, _, [v2]) => t.ok(v2.contacts.contacts.some((c: { id: string }) => c.id === FIXTURE.inara.id))
  },
  {
    name: 'a participant removed',
    arrange: async (api, conv) => { await send(api, { method: 'POST', url: `/conversations/${conv}/customers`, version: '2.14', payload: { admin_id: FIXTURE.wash.id, customer: { intercom_user_id: FIXTURE.inara.id } } }) },
    action: { method: 'DELETE', url: `/conversations/{conv}/customers/${FIXTURE.inara.id}`, version: '2.14', payload: { admin_id: FIXTURE.wash.id } },
    v1: [],
    v2: ['conversation.contact.detached']
  },
  {
    name: 'a part redacted',
    arrange: async (api, conv) => (await send(api, { method: 'POST', url: `/conversations/${conv}/reply`, version: '2.14', payload: { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'My card number' } })).conversation_parts.conversation_parts.at(-1).id,
    action: { method: 'POST', url: '/conversations/redact', version: '2.14', payload: { type: 'conversation_part', conversation_id: '{conv}', conversation_part_id: '{id}' } },
    v1: [],
    v2: ['conversation_part.redacted'],
    parts: 1,
    check: (t, _, [v2]) => t.match(v2.conversation_parts.conversation_parts[0], { redacted: true, body: '<p><i>This message was deleted</i></p>' })
  },
  {
    name: 'a conversation deleted',
    action: { method: 'DELETE', url: '/conversations/{conv}', version: '2.14' },
    v1: [],
    v2: ['conversation.deleted'],
    check: (t, _, [v2]) => t.match(v2, { id: /^\d+$/, object: 'conversation', deleted: true })
  },
  {
    name: 'an admin goes away',
    action: { method: 'PUT', url: `/admins/${FIXTURE.zoe.id}/away`, version: '2.14', payload: { away_mode_enabled: true, away_mode_reassign: true } },
    v1: [],
    v2: ['admin.away_mode_updated'],
    check: (t, _, [v2]) => t.match(v2, { type: 'admin', id: FIXTURE.zoe.id, away_mode_enabled: true, away_mode_reassign: true })
  },
  {
    name: 'a lead deleted',
    action: { method: 'DELETE', url: `/contacts/${FIXTURE.river.id}`, version: '2.11' },
    v1: ['contact.deleted'],
    v2: ['contact.deleted']
  }
]

async function send (api: TestApp, request: ApiRequest): Promise<any> {
  const res = await api.request(request)
  if (res.statusCode !== 200) throw new Error(`${request.method} ${request.url}: ${res.statusCode} ${res.body}`)
  return res.json()
}

for (const scenario of scenarios) {
  t.test(scenario.name, async t => {
    const api = await build(t)
    const receiver = await startReceiver(t)
    for (const [path, topics, version] of [['v1', ['conversation', 'user', 'contact', 'visitor', 'company'], '1.4'], ['v2', ['conversation', 'contact', 'visitor', 'company', 'conversation_part', 'admin'], '2.14']] as const) {
      await send(api, { method: 'POST', url: '/__mock/webhooks', payload: { url: `${receiver.url}/${path}`, topics, api_version: version } })
    }
    await send(api, { method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
    const conversationId = (await send(api, { url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}`, version: '1.4' })).conversations[0].id
    const arranged = await scenario.arrange?.(api, conversationId)
    await api.app.webhooks.idle()
    const before = receiver.received.length
    const fill = (text: string) => text.replace('{conv}', conversationId).replace('{id}', arranged ?? '')
    const payload = scenario.action.payload === undefined ? undefined : JSON.parse(fill(JSON.stringify(scenario.action.payload)))
    await send(api, { ...scenario.action, url: fill(scenario.action.url), ...(payload === undefined ? {} : { payload }) })
    await api.app.webhooks.idle()
    const fresh = receiver.received.slice(before)
    for (const r of fresh) {
      t.ok(signatureValid(r, CLIENT_SECRET), `${r.body.topic} is signed`)
      t.same(Object.keys(r.body), ENVELOPE_KEYS)
    }
    const of = (path: string) => fresh.filter(r => r.path === `/hooks/${path}`)
    t.same(of('v1').map(r => r.body.topic), scenario.v1, '1.x topics')
    t.same(of('v2').map(r => r.body.topic), scenario.v2, '2.x topics')
    const items = (path: string) => of(path).map(r => r.body.data.item)
    for (const item of [...items('v1'), ...items('v2')]) {
      if (item.type === 'conversation' && scenario.parts !== undefined) {
        t.equal(item.conversation_parts.conversation_parts.length, scenario.parts, 'only the action\'s parts')
        t.equal(item.conversation_parts.total_count, scenario.parts)
      }
    }
    for (const item of items('v1').filter(i => i.type === 'conversation')) t.ok('conversation_message' in item && 'assignee' in item, '1.x conversation')
    for (const item of items('v2').filter(i => i.type === 'conversation')) t.ok('source' in item && 'admin_assignee_id' in item, '2.x conversation')
    scenario.check?.(t, items('v1'), items('v2'))
  })
}
