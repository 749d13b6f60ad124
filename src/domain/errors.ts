/**
 * Every error the mock answers with, in one table: status, Intercom error code and message travel
 * together (the pattern of fastify's lib/errors.js). One handler renders them as an `error.list`.
 * Codes and messages are Intercom's own where Intercom documents them
 * (../shared/reference/intercom-api.md §0.3–0.4, §1).
 */
export class IntercomError extends Error {
  constructor (
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string
  ) {
    super(message)
    this.name = 'IntercomError'
  }
}

export type NotFoundSubject = 'User' | 'Resource' | 'Visitor' | 'Contact' | 'Lead'

export const errors = {
  unauthorized: () => new IntercomError(401, 'unauthorized', 'Access Token Invalid'),

  notFound: (subject: NotFoundSubject) => new IntercomError(404, 'not_found', `${subject} Not Found`),
  adminNotFound: () => new IntercomError(404, 'admin_not_found', 'Admin not found'),
  adminForIdNotFound: () => new IntercomError(404, 'admin_not_found', 'Admin for admin_id not found'),
  routeNotFound: () => new IntercomError(404, 'not_found', 'Resource Not Found'),
  conversationNotFound: () => new IntercomError(404, 'not_found', 'Conversation not found'),
  tagNotFound: () => new IntercomError(404, 'tag_not_found', 'Tag not found'),
  companyNotFound: () => new IntercomError(404, 'company_not_found', 'Company Not Found'),
  teamNotFound: () => new IntercomError(404, 'team_not_found', 'Team not found'),
  dataAttributeNotFound: () => new IntercomError(404, 'field_not_found', "We couldn't find that data attribute to update"),
  tagHasDependents: (segmentNames: string[]) =>
    new IntercomError(400, 'tag_has_dependent_objects', `Unable to delete Tag with dependent objects. Segments: ${segmentNames.join(', ')}.`),
  parameterNotFound: (message: string, field?: string) => new IntercomError(400, 'parameter_not_found', message, field),
  dataInvalid: (message: string) => new IntercomError(422, 'data_invalid', message),

  parameterInvalid: (message: string, field?: string) => new IntercomError(400, 'parameter_invalid', message, field),
  // Intercom's documented body for these carries no field (intercom-api.md §1.3).
  bodyRequired: () => new IntercomError(400, 'parameter_invalid', 'Body is required'),
  subjectRequired: () => new IntercomError(422, 'parameter_not_found', 'No subject supplied for email message'),
  unsubscribedFromEmails: () => new IntercomError(403, 'action_forbidden', 'This user is unsubscribed from emails'),
  notParticipant: () => new IntercomError(403, 'action_forbidden', 'The user is not a customer of this conversation'),

  lastCustomer: () => new IntercomError(422, 'parameter_invalid', 'Removing the last customer is not allowed'),
  notRedactable: (message: string) => new IntercomError(400, 'conversation_part_not_redactable', message),
  partOrMessageNotFound: () => new IntercomError(404, 'conversation_part_or_message_not_found', 'Conversation part or message not found'),

  conflict: (message: string, field?: string) => new IntercomError(409, 'conflict', message, field),
  multipleUsersMatchEmail: () =>
    new IntercomError(409, 'conflict', 'Multiple existing users match this email address - must be more specific using user_id', 'email'),

  versionInvalid: () => new IntercomError(400, 'intercom_version_invalid', 'The requested version could not be found'),
  versionUnavailable: () =>
    new IntercomError(400, 'intercom_version_invalid', 'Requested resource is not available in current API version.'),

  malformedJson: () => new IntercomError(400, 'parameter_invalid', 'The request body is not valid JSON'),
  malformedUrl: () => new IntercomError(400, 'parameter_invalid', 'The request URL is malformed'),
  unsupportedMediaType: (contentType: string) =>
    new IntercomError(415, 'unsupported', `The Content-Type header should send a media type of application/json, not ${contentType}`),
  bodyTooLarge: (limitBytes: number) =>
    new IntercomError(413, 'client_error', `The request body is larger than the limit of ${limitBytes} bytes`),
  bodyNotUtf8: () => new IntercomError(400, 'parameter_invalid', 'The request body is not valid UTF-8: send JSON encoded as UTF-8'),
  unsupportedCharset: (charset: string) =>
    new IntercomError(415, 'unsupported', `The Content-Type charset should be utf-8, not ${charset}: send JSON encoded as UTF-8`),
  nestedTooDeep: (path: string, maxDepth: number) =>
    new IntercomError(400, 'parameter_invalid', `${path} nests objects and arrays more than ${maxDepth} deep`, path),
  hostRequired: () => new IntercomError(400, 'client_error', 'An HTTP/1.1 request needs a Host header'),
  expectationFailed: (expect: string) =>
    new IntercomError(417, 'client_error', `The Expect header can only be 100-continue, not ${expect}`),
  clientError: (status: number, message: string) => new IntercomError(status, 'client_error', message),
  // Intercom's wording names "1 minute" whatever the window (intercom-webhooks-and-limits.md §2.3).
  rateLimitExceeded: (limit: number) => new IntercomError(429, 'rate_limit_exceeded', `More than ${limit} requests received in 1 minute`),
  faultRuleNotFound: (id: string) => new IntercomError(404, 'not_found', `No fault rule has id ${id}`, 'id'),
  serviceUnavailable: (message: string) => new IntercomError(503, 'service_unavailable', message),
  serverError: () => new IntercomError(500, 'server_error', 'An unexpected error occurred; the mock logged it')
}
