import type { Static } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import type { ActionBody } from './schemas.js'

/** The API version the UI renders conversations in and sends its actions as. */
export const UI_API_VERSION = '2.11'

export interface ApiAnswer {
  status: number
  body: unknown
  /** The id of the request made for the UI: what its journal entry and any error.list carry. */
  requestId: string | undefined
}

type Action = Static<typeof ActionBody>

/**
 * An inbox action as the API request Intercom's own inbox would make: it goes through the same
 * routes, domain operations, webhooks, faults and journal as a client's request. The journal shows it
 * with the user agent `intercom-mock-ui`.
 */
export function actionRequest (conversationId: string, a: Action): { url: string, body: Record<string, unknown> } {
  const admin = { type: 'admin', admin_id: a.admin_id }
  const parts = `/conversations/${conversationId}/parts`
  const reply = `/conversations/${conversationId}/reply`
  switch (a.action) {
    case 'reply': return { url: reply, body: { message_type: 'comment', ...admin, body: a.body } }
    case 'note': return { url: reply, body: { message_type: 'note', ...admin, body: a.body } }
    case 'customer_reply': return { url: reply, body: { message_type: 'comment', type: 'user', intercom_user_id: a.contact_id, body: a.body } }
    case 'assign': return { url: parts, body: { message_type: 'assignment', type: a.assignee_type ?? 'admin', admin_id: a.admin_id, assignee_id: a.assignee_id, body: a.body } }
    case 'close': return { url: parts, body: { message_type: 'close', ...admin, body: a.body } }
    case 'open': return { url: parts, body: { message_type: 'open', ...admin } }
    case 'snooze': return { url: parts, body: { message_type: 'snoozed', ...admin, snoozed_until: a.snoozed_until } }
  }
}

/** A request to the mock's own API as the workspace of `token`, through every hook a client's request passes. */
export async function apiRequest (app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<ApiAnswer> {
  const response = await app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${token}`,
      'intercom-version': UI_API_VERSION,
      accept: 'application/json',
      'user-agent': 'intercom-mock-ui',
      ...(body === undefined ? {} : { 'content-type': 'application/json' })
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) })
  })
  return { status: response.statusCode, body: parseBody(response.body), requestId: requestIdOf(response.headers) }
}

/** A control call as the workspace of `token`, with the admin token when the mock has one. */
export async function controlRequest (
  app: FastifyInstance, token: string, adminToken: string | null, method: string, url: string, body: unknown
): Promise<ApiAnswer & { contentType: string | undefined }> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'user-agent': 'intercom-mock-ui' }
  if (adminToken !== null) headers['x-intercom-mock-admin'] = adminToken
  const sendsBody = body !== undefined && method !== 'GET' && method !== 'DELETE'
  if (sendsBody) headers['content-type'] = 'application/json'
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(sendsBody ? { payload: JSON.stringify(body) } : {})
  })
  const type = response.headers['content-type']
  return { status: response.statusCode, body: response.body === '' ? null : parseBody(response.body), requestId: requestIdOf(response.headers), contentType: typeof type === 'string' ? type : undefined }
}

function requestIdOf (headers: Record<string, unknown>): string | undefined {
  const id = headers['x-request-id']
  return typeof id === 'string' ? id : undefined
}

function parseBody (text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
