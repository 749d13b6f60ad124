import { Type } from '@sinclair/typebox'
import { WorkspaceListing } from '../schemas/control.js'
import { WORKSPACE_KEY_PATTERN } from './key.js'

/** Schemas of the UI's own read and action endpoints (`/__mock/ui/api/…`). */

export const UiWorkspace = Type.Composite([
  Type.Object({ key: Type.String({ description: 'The UI\'s name for the workspace: a hash of its token' }) }),
  WorkspaceListing
])

export const UiWorkspaceList = Type.Object({ data: Type.Array(UiWorkspace) })

export const OpenWorkspaceBody = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 512, description: 'The access token whose workspace to open (created from the fixtures if new)' })
}, { additionalProperties: false })

export const WorkspaceParams = Type.Object({
  key: Type.String({ pattern: WORKSPACE_KEY_PATTERN })
})

export const ConversationParams = Type.Object({
  key: Type.String({ pattern: WORKSPACE_KEY_PATTERN }),
  id: Type.String({ pattern: '^[0-9]{1,19}$' })
})

export const ControlParams = Type.Object({
  key: Type.String({ pattern: WORKSPACE_KEY_PATTERN }),
  '*': Type.String({ maxLength: 2048 })
})

export const EventsQuery = Type.Object({
  stream: Type.Optional(Type.String({ maxLength: 128, description: 'With an admin token set: the proof GET …/stream hands out (EventSource sends no headers)' }))
})

export const StreamLocation = Type.Object({ url: Type.String({ description: 'The event stream\'s URL, for EventSource' }) })

export const ACTIONS = ['reply', 'note', 'assign', 'close', 'open', 'snooze', 'customer_reply'] as const

export const ActionBody = Type.Object({
  action: Type.Union(ACTIONS.map(a => Type.Literal(a))),
  admin_id: Type.Optional(Type.String({ maxLength: 64 })),
  contact_id: Type.Optional(Type.String({ maxLength: 64, description: 'customer_reply: the contact who writes' })),
  body: Type.Optional(Type.String({ maxLength: 65536 })),
  assignee_id: Type.Optional(Type.String({ maxLength: 64 })),
  assignee_type: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('team')])),
  snoozed_until: Type.Optional(Type.Integer({ minimum: 0, maximum: 253402300799 }))
}, { additionalProperties: false })

export const Overview = Type.Object({
  workspace: UiWorkspace,
  app: Type.Object({ id_code: Type.String(), name: Type.String() }),
  admins: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), email: Type.String() })),
  teams: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), admin_ids: Type.Array(Type.String()) })),
  clock: Type.Object({ now: Type.Integer(), mode: Type.String() }),
  /** The version the inbox renders conversations in, and the UI's actions send. */
  api_version: Type.String()
})
