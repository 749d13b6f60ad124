import type { IntercomError } from '../domain/errors.js'

/** Intercom's error envelope, the same in every API version (intercom-api.md §0.4). */
export interface ErrorListWire {
  type: 'error.list'
  request_id: string
  errors: Array<{ code: string, message: string, field?: string }>
}

export function presentErrorList (error: IntercomError, requestId: string): ErrorListWire {
  const item: ErrorListWire['errors'][number] = { code: error.code, message: error.message }
  if (error.field !== undefined) item.field = error.field
  return { type: 'error.list', request_id: requestId, errors: [item] }
}
