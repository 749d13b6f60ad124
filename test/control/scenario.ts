import type { LightMyRequestResponse } from 'fastify'
import type { ApiRequest } from '../helper.js'
import { FIXTURE } from '../helper.js'

export type Send = (request: ApiRequest) => Promise<LightMyRequestResponse>

/**
 * A long product scenario over 1.x and 2.x: messages, new users, leads and visitors (made-up ids,
 * UUIDs and pseudonyms), replies, a snooze, assignment, closing, conversion, deletion, searches and
 * errors. Answers every response as status, request id header and body text, in order.
 */
export async function productScenario (send: Send): Promise<string[]> {
  const answers: string[] = []
  const go = async (request: ApiRequest) => {
    const response = await send(request)
    answers.push(`${response.statusCode} ${String(response.headers['x-request-id'])} ${response.body}`)
    return response.json()
  }
  const admin = { type: 'admin', admin_id: FIXTURE.wash.id }
  await go({ url: '/me' })
  await go({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: FIXTURE.mal.id }, body: 'Hey' } })
  const user = await go({ method: 'POST', url: '/users', payload: { user_id: 'new-1', email: 'new1@example.com', name: 'New One' } })
  await go({ method: 'POST', url: '/messages', payload: { from: { type: 'user', user_id: 'new-1' }, body: 'Hello from a new user' } })
  const lead = await go({ method: 'POST', url: '/contacts', payload: {} })
  await go({ method: 'POST', url: '/messages', payload: { from: { type: 'contact', id: lead.id }, body: 'A lead asks' } })
  const visitor = await go({ method: 'POST', url: '/visitors', payload: {} }).catch(() => null)
  if (visitor !== null && typeof visitor.user_id === 'string') {
    await go({ method: 'POST', url: '/visitors/convert', payload: { visitor: { user_id: visitor.user_id }, type: 'lead' } })
  }
  await go({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'comment', body: 'On it' } })
  await go({ method: 'POST', url: '/conversations/1000000001/reply', payload: { type: 'user', intercom_user_id: FIXTURE.mal.id, message_type: 'comment', body: 'Thanks' } })
  await go({ method: 'POST', url: '/conversations/1000000002/reply', payload: { ...admin, message_type: 'note', body: 'VIP' } })
  await go({ method: 'POST', url: '/conversations/1000000002/reply', payload: { ...admin, message_type: 'assignment', assignee_id: FIXTURE.zoe.id } })
  await go({ method: 'POST', url: '/conversations/1000000003/reply', payload: { ...admin, message_type: 'close', body: 'Closing' } })
  await go({ method: 'POST', url: '/conversations/1000000001/reply', payload: { ...admin, message_type: 'snoozed', snoozed_until: 1900000000 } })
  await go({ method: 'PUT', url: '/conversations/1000000002', payload: { read: true } })
  await go({ url: '/conversations/1000000001' })
  await go({ url: `/conversations?type=user&intercom_user_id=${FIXTURE.mal.id}` })
  await go({ url: '/conversations?order=asc' })
  await go({ url: '/users' })
  await go({ url: '/contacts' })
  await go({ url: `/users/${user.id as string}` })
  await go({ method: 'DELETE', url: `/users/${user.id as string}` })
  await go({ url: '/conversations/1000000002', version: '2.11' })
  await go({ url: '/conversations', version: '2.11' })
  const contact = await go({ method: 'POST', url: '/contacts', version: '2.11', payload: { role: 'lead', email: 'lead2@example.com' } })
  await go({ method: 'PUT', url: `/contacts/${contact.id as string}`, version: '2.11', payload: { name: 'Lead Two', custom_attributes: { plan: 'pro' } } })
  await go({ method: 'POST', url: '/conversations', version: '2.11', payload: { from: { type: 'lead', id: contact.id }, body: '2.x asks' } })
  await go({ method: 'POST', url: '/conversations/1000000004/parts', version: '2.11', payload: { message_type: 'close', admin_id: FIXTURE.wash.id, type: 'admin' } })
  await go({ url: '/contacts', version: '2.11' })
  await go({ method: 'POST', url: '/contacts/search', version: '2.11', payload: { query: { field: 'role', operator: '=', value: 'lead' } } })
  await go({ method: 'POST', url: '/conversations/search', version: '2.11', payload: { query: { field: 'state', operator: '=', value: 'open' } } })
  await go({ url: '/conversations/999' })
  await go({ method: 'POST', url: '/messages', payload: { from: { type: 'user', id: 'ffffffffffffffffffffffff' }, body: 'Nobody' } })
  await go({ url: '/conversations/1000000001', version: '2.11' })
  return answers
}
