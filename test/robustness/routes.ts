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
  search?: 'conversation' | 'contact' | 'ticket'
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
  { method: 'POST', path: '/__mock/reset', versions: 'control', body: ['admins', 'users', 'leads', 'conversations', 'app', 'seed', 'clock', 'sequences', 'tags', 'companies', 'segments', 'data_attributes', 'subscription_types', 'notes', 'data_events'] },
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
  { method: 'GET', path: '/me', versions: both },
  { method: 'GET', path: '/teams', versions: v2 },
  { method: 'GET', path: '/teams/:team', versions: v2 },
  { method: 'GET', path: '/tags', versions: both },
  { method: 'POST', path: '/tags', versions: both, body: ['name', 'id', 'users', 'companies'] },
  { method: 'GET', path: '/tags/:tag', versions: both },
  { method: 'DELETE', path: '/tags/:tag', versions: both },
  { method: 'GET', path: '/contacts/:contact/tags', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/tags', versions: v2, body: ['id'] },
  { method: 'DELETE', path: '/contacts/:contact/tags/:tag', versions: v2 },
  { method: 'POST', path: '/conversations/:conversation/tags', versions: v2, body: ['id', 'admin_id'] },
  { method: 'DELETE', path: '/conversations/:conversation/tags/:tag', versions: v2, body: ['admin_id'] },
  { method: 'POST', path: '/companies', versions: both, body: ['company_id', 'name', 'plan', 'size', 'website', 'industry', 'monthly_spend', 'custom_attributes', 'remote_created_at'] },
  { method: 'GET', path: '/companies', versions: both, query: ['company_id', 'name', 'tag_id', 'segment_id', 'type', ...PAGE] },
  { method: 'POST', path: '/companies/list', versions: v2, body: ['page', 'per_page', 'order'] },
  { method: 'GET', path: '/companies/scroll', versions: both, query: ['scroll_param'] },
  { method: 'GET', path: '/companies/:company', versions: both },
  { method: 'PUT', path: '/companies/:company', versions: v2, body: ['name', 'plan', 'size', 'website', 'industry', 'monthly_spend', 'custom_attributes'] },
  { method: 'DELETE', path: '/companies/:company', versions: v2 },
  { method: 'GET', path: '/companies/:company/contacts', versions: v2, query: PAGE },
  { method: 'GET', path: '/companies/:company/segments', versions: v2 },
  { method: 'GET', path: '/companies/:company/users', versions: v1, query: PAGE },
  { method: 'POST', path: '/contacts/:contact/companies', versions: v2, body: ['id'] },
  { method: 'GET', path: '/contacts/:contact/companies', versions: v2 },
  { method: 'DELETE', path: '/contacts/:contact/companies/:company', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/notes', versions: v2, body: ['body', 'admin_id'] },
  { method: 'GET', path: '/contacts/:contact/notes', versions: v2, query: PAGE },
  { method: 'POST', path: '/notes', versions: v1, body: ['body', 'admin_id', 'user'] },
  { method: 'GET', path: '/notes', versions: v1, query: ['user_id', 'email', 'id', ...PAGE] },
  { method: 'GET', path: '/notes/:note', versions: both },
  { method: 'GET', path: '/segments', versions: both, query: ['include_count'] },
  { method: 'GET', path: '/segments/:segment', versions: both, query: ['include_count'] },
  { method: 'GET', path: '/contacts/:contact/segments', versions: v2 },
  { method: 'GET', path: '/data_attributes', versions: v2, query: ['model', 'include_archived'] },
  { method: 'POST', path: '/data_attributes', versions: v2, body: ['name', 'model', 'data_type', 'options', 'description', 'messenger_writable'] },
  { method: 'PUT', path: '/data_attributes/:attribute', versions: v2, body: ['archived', 'options', 'description', 'messenger_writable'] },
  { method: 'POST', path: '/events', versions: both, body: ['event_name', 'created_at', 'user_id', 'id', 'email', 'metadata'] },
  { method: 'GET', path: '/events', versions: both, query: ['type', 'user_id', 'email', 'intercom_user_id', 'summary', ...PAGE] },
  { method: 'POST', path: '/events/summaries', versions: v2, body: ['user_id', 'event_summaries'] },
  { method: 'GET', path: '/subscription_types', versions: v2 },
  { method: 'GET', path: '/contacts/:contact/subscriptions', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/subscriptions', versions: v2, body: ['id', 'consent_type'] },
  { method: 'DELETE', path: '/contacts/:contact/subscriptions/:subscription', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/archive', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/unarchive', versions: v2 },
  { method: 'POST', path: '/contacts/:contact/block', versions: v2 },
  { method: 'GET', path: '/admins/activity_logs', versions: v2, query: ['created_at_after', 'created_at_before', ...PAGE] },
  { method: 'PUT', path: '/admins/:admin/away', versions: v2, body: ['away_mode_enabled', 'away_mode_reassign', 'away_status_reason_id'] },
  { method: 'POST', path: '/conversations/redact', versions: v2, body: ['type', 'conversation_id', 'conversation_part_id', 'source_id'] },
  { method: 'DELETE', path: '/conversations/:conversation', versions: v2 },
  { method: 'POST', path: '/conversations/:conversation/run_assignment_rules', versions: v2 },
  { method: 'POST', path: '/conversations/:conversation/customers', versions: v2, body: ['admin_id', 'customer'] },
  { method: 'DELETE', path: '/conversations/:conversation/customers/:contact', versions: v2, body: ['admin_id'] },
  { method: 'GET', path: '/ticket_types', versions: v2 },
  { method: 'GET', path: '/ticket_types/:ticket_type', versions: v2 },
  { method: 'GET', path: '/ticket_states', versions: v2 },
  { method: 'POST', path: '/tickets', versions: v2, body: ['ticket_type_id', 'contacts', 'ticket_attributes', 'created_at', 'conversation_to_link_id'] },
  { method: 'POST', path: '/tickets/search', versions: v2, search: 'ticket' },
  { method: 'GET', path: '/tickets/:conversation', versions: v2 },
  { method: 'PUT', path: '/tickets/:conversation', versions: v2, body: ['ticket_attributes', 'state', 'ticket_state_id', 'open', 'is_shared', 'assignment', 'admin_id', 'assignee_id'] },
  { method: 'DELETE', path: '/tickets/:conversation', versions: v2 },
  { method: 'POST', path: '/tickets/:conversation/reply', versions: v2, body: [...REPLY, 'attachment_files', 'created_at'] },
  { method: 'POST', path: '/conversations/:conversation/convert', versions: v2, body: ['ticket_type_id', 'attributes'] },
  { method: 'GET', path: '/__mock/attachments/:attachment/a.png', versions: 'control' }
]
