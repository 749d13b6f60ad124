import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { errors, IntercomError } from '../domain/errors.js'
import { BODY_LIMIT_BYTES } from '../limits.js'
import { presentErrorList } from '../presenters/error-list.js'
import { drainExcessBody } from './framing.js'
import { validationError } from './validation-error.js'

/** Sends `error` as Intercom's error.list, with the request id in the body and the X-Request-Id header. */
export function sendError (request: FastifyRequest, reply: FastifyReply, error: IntercomError): FastifyReply {
  return reply
    .code(error.status)
    .header('x-request-id', request.id)
    .send(presentErrorList(error, request.id))
}

/**
 * Everything that fails becomes an error.list: the domain's IntercomErrors as they are, Fastify's own
 * errors (validation, parsing, media type, body limit, bad URL, unknown route) as their Intercom
 * equivalents, and anything unexpected as a logged 500 `server_error`.
 */
export function registerErrorHandling (app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const intercomError = toIntercomError(error, request)
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') await drainExcessBody(request, reply)
    if (intercomError.status >= 500) request.log.error({ err: error }, 'unexpected error answered as server_error')
    return sendError(request, reply, intercomError)
  })
  app.setNotFoundHandler((request, reply) => {
    request.log.info({ method: request.method, url: request.url }, 'no Intercom API route matches this request')
    return sendError(request, reply, errors.routeNotFound())
  })
}

/** Fastify's `frameworkErrors` option: errors raised before routing (a URL that cannot be decoded). */
export function frameworkErrors (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  void sendError(request, reply, error.code === 'FST_ERR_BAD_URL' ? errors.malformedUrl() : toIntercomError(error, request))
}

function toIntercomError (error: FastifyError, request: FastifyRequest): IntercomError {
  if (error instanceof IntercomError) return error
  if (error.validation !== undefined) return validationError(error.validation, error.validationContext)
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.malformedJson()
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      // A route may take more than the default (replies with attachment_files).
      return errors.bodyTooLarge(request.routeOptions?.bodyLimit ?? BODY_LIMIT_BYTES)
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType(request.headers['content-type'] ?? 'none')
    case 'FST_ERR_BAD_URL':
      return errors.malformedUrl()
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) return errors.clientError(status, error.message)
  return errors.serverError()
}
