import type { ConversationRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import type { Admin, Assignee } from './types.js'

/** The conversation a path names, or Intercom's 404 `Resource Not Found`. */
export function findConversationRecord (ctx: DomainContext, id: string): ConversationRecord {
  const record = ctx.store.conversations.findById(id)
  if (record === null) throw errors.notFound('Resource')
  return record
}

/**
 * The admin a request names in `field` (`from.id`, `admin_id`): missing is a 400 naming the field;
 * unknown is a 404 `not_found` "Resource Not Found", as Intercom answers (python-intercom #184).
 */
export function findAdmin (ctx: DomainContext, id: string | undefined, field: string): Admin {
  if (id === undefined || id === '') throw errors.parameterInvalid(`${field} is required`, field)
  const admin = ctx.store.admins.findById(id)
  if (admin === null) throw errors.notFound('Resource')
  return admin
}

/** Who an assignment gives the conversation to; a null id unassigns that kind of assignee. */
export interface AssignmentTarget {
  type: Assignee['type']
  id: string | null
}

/**
 * The new assignee an `assignee_id` names: an admin, or a team (with `type: team`, or an id only a
 * team has). `"0"` unassigns (the admin, or the team with `type: team`). Unknown ids are a 404.
 */
export function findAssignee (ctx: DomainContext, id: string | undefined, type: string | undefined): AssignmentTarget {
  if (id === undefined || id === '') throw errors.parameterInvalid('assignee_id is required for an assignment', 'assignee_id')
  if (id === '0') return { type: type === 'team' ? 'team' : 'admin', id: null }
  if (type !== 'team' && ctx.store.admins.findById(id) !== null) return { type: 'admin', id }
  if (type !== 'admin' && ctx.store.admins.findTeamById(id) !== null) return { type: 'team', id }
  throw errors.notFound('Resource')
}
