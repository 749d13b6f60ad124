import { workspaceKey } from '../../src/ui/key.js'

/**
 * Every route the hostile-input generator sends requests to, in one list: as the control plane,
 * webhooks and faults land, their routes join it here. `:id`-like segments are filled with real ids
 * of the workspace (so that requests reach deep code), or hostile ones. `fields` are the body and
 * query keys the route reads, which the generator fills with hostile values beside keys it makes up.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  path: string
  /** The API versions the route answers in; `control` routes take no token and no version. */
  versions: ReadonlyArray<'1.x' | '2.x'> | 'control'
  query?: readonly string[]
  body?: readonly string[]
  /** The body is the 2.x search DSL. */
  search?: 'conversation' | 'contact'
}

/** The UI's name for the workspace of the generator's first token (test/robustness/generator.test.ts). */
const UI_KEY = workspaceKey('fuzz-a')

const both = ['1.x', '2.x'] as const
const v1 = ['1.x'] as const
const v2 = ['2.x'] as const
const PAGE = ['page', 'per_page', 'order', 'sort', 'starting_after'] as const
const PERSON = ['id', 'user_id', 'email', 'phone', 'name', 'avatar', 'custom_attributes', 'signed_up_at', 'remote_created_at',
  'last_request_at', 'unsubscribed_from_emails', 'update_last_request_at', 'new_session'] as const
const CONTACT = ['role', 'external_id', 'email', 'phone', 'name', 'avatar', 'signed_up_at', 'last_seen_at', 'owner_id',
  'unsubscribed_from_emails', 'custom_attributes'] as const
const REPLY = ['type', 'message_type', 'body', 'intercom_user_id', 'user_id', 'email', 'admin_id', 'assignee_id', 'snoozed_until', 'attachment_urls'] as const

export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/__mock/health', versions: 'control' },
  // The control plane, but for what would change what the API answers on purpose (fault rules, rate
  // limits) or call out of the machine (webhook subscriptions, pings and triggers).
  { method: 'POST', path: '/__mock/reset', versions: 'control', body: ['admins', 'users', 'leads', 'conversations', 'app', 'seed', 'clock', 'sequences'] },
  { method: 'POST', path: '/__mock/seed', versions: 'control', body: ['admins', 'teams', 'users', 'leads', 'visitors', 'conversations', 'sequences'] },
  { method: 'GET', path: '/__mock/state', versions: 'control' },
  { method: 'GET', path: '/__mock/clock', versions: 'control' },
  { method: 'PUT', path: '/__mock/clock', versions: 'control', body: ['frozen_at', 'advance', 'real'] },
  { method: 'GET', path: '/__mock/requests', versions: 'control', query: ['method', 'path', 'status', 'since', 'limit'] },
  { method: 'GET', path: '/__mock/requests/count', versions: 'control', query: ['method', 'path', 'status', 'since', 'limit'] },
  { method: 'DELETE', path: '/__mock/requests', versions: 'control' },
  { method: 'GET', path: '/__mock/workspaces', versions: 'control' },
  { method: 'GET', path: '/__mock/faults', versions: 'control' },
  { method: 'DELETE', path: '/__mock/faults/fault_1', versions: 'control' },
  { method: 'GET', path: '/__mock/rate-limit', versions: 'control' },
  { method: 'GET', path: '/__mock/webhooks', versions: 'control' },
  { method: 'GET', path: '/__mock/webhooks/nsub_1/deliveries', versions: 'control', query: ['topic', 'status', 'limit'] },
  { method: 'GET', path: '/__mock/openapi.json', versions: 'control' },
  // The web inbox (src/ui/): its page, and its API for the workspace of the generator's first token.
  { method: 'GET', path: '/__mock', versions: 'control' },
  { method: 'GET', path: '/__mock/ui', versions: 'control' },
  { method: 'GET', path: '/__mock/ui/assets/app.js', versions: 'control' },
  { method: 'GET', path: '/__mock/ui/api/workspaces', versions: 'control' },
  { method: 'POST', path: '/__mock/ui/api/workspaces', versions: 'control', body: ['token'] },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}`, versions: 'control' },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/conversations`, versions: 'control' },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/conversations/:conversation`, versions: 'control' },
  { method: 'POST', path: `/__mock/ui/api/w/${UI_KEY}/conversations/:conversation/actions`, versions: 'control', body: ['action', 'admin_id', 'contact_id', 'body', 'assignee_id', 'assignee_type', 'snoozed_until'] },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/people`, versions: 'control' },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/stream`, versions: 'control' },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/control/requests`, versions: 'control', query: ['method', 'path', 'status', 'since', 'limit'] },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/control/clock`, versions: 'control' },
  { method: 'PUT', path: `/__mock/ui/api/w/${UI_KEY}/control/clock`, versions: 'control', body: ['frozen_at', 'advance', 'real'] },
  { method: 'GET', path: `/__mock/ui/api/w/${UI_KEY}/control/faults`, versions: 'control' },
  { method: 'POST', path: '/messages', versions: both, body: ['from', 'to', 'cc', 'bcc', 'body', 'message_type', 'subject', 'template', 'created_at', 'create_conversation_without_contact_reply'] },
  { method: 'GET', path: '/conversations', versions: both, query: ['type', 'intercom_user_id', 'user_id', 'email', 'admin_id', 'id', 'open', 'unread', 'before', 'display_as', ...PAGE] },
  { method: 'POST', path: '/conversations', versions: v2, body: ['from', 'body', 'created_at', 'attachment_urls'] },
  { method: 'POST', path: '/conversations/search', versions: v2, search: 'conversation' },
  { method: 'GET', path: '/conversations/:conversation', versions: both, query: ['display_as'] },
  { method: 'POST', path: '/conversations/:conversation/reply', versions: both, body: REPLY, query: ['display_as'] },
  { method: 'POST', path: '/conversations/:conversation/parts', versions: v2, body: ['message_type', 'type', 'admin_id', 'assignee_id', 'body', 'snoozed_until'] },
  { method: 'PUT', path: '/conversations/:conversation', versions: both, body: ['read', 'title', 'custom_attributes'] },
  { method: 'PUT', path: '/conversations/:conversation/reply', versions: v1, body: ['read'] },
  { method: 'POST', path: '/users', versions: v1, body: PERSON },
  { method: 'GET', path: '/users', versions: v1, query: ['user_id', 'email', 'phone', ...PAGE] },
  { method: 'GET', path: '/users/:contact', versions: v1 },
  { method: 'DELETE', path: '/users/:contact', versions: v1 },
  { method: 'DELETE', path: '/users', versions: v1, query: ['user_id', 'email'] },
  { method: 'POST', path: '/contacts', versions: both, body: [...PERSON, ...CONTACT] },
  { method: 'GET', path: '/contacts', versions: both, query: ['user_id', 'email', 'phone', ...PAGE] },
  { method: 'GET', path: '/contacts/:contact', versions: both },
  { method: 'PUT', path: '/contacts/:contact', versions: both, body: [...PERSON, ...CONTACT] },
  { method: 'DELETE', path: '/contacts/:contact', versions: both },
  { method: 'POST', path: '/contacts/convert', versions: v1, body: ['contact', 'user'] },
  { method: 'POST', path: '/contacts/search', versions: v2, search: 'contact' },
  { method: 'POST', path: '/contacts/merge', versions: v2, body: ['from', 'into'] },
  { method: 'GET', path: '/contacts/find_by_external_id/:external', versions: v2 },
  { method: 'GET', path: '/visitors', versions: both, query: ['user_id', 'id', 'email'] },
  { method: 'PUT', path: '/visitors', versions: v2, body: PERSON },
  { method: 'POST', path: '/visitors', versions: v1, body: PERSON },
  { method: 'GET', path: '/visitors/:contact', versions: both },
  { method: 'DELETE', path: '/visitors/:contact', versions: v1 },
  { method: 'POST', path: '/visitors/convert', versions: both, body: ['type', 'visitor', 'user'] },
  { method: 'GET', path: '/admins', versions: both },
  { method: 'GET', path: '/admins/:admin', versions: both },
  { method: 'GET', path: '/me', versions: both }
]
