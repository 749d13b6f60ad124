import { IntercomError } from '../../domain/errors.js'

/** The control plane's webhook errors, in Intercom's error.list like every other. */
export const webhookErrors = {
  subscriptionNotFound: () => new IntercomError(404, 'not_found', 'Subscription Not Found'),
  notificationNotFound: () => new IntercomError(404, 'not_found', 'Notification Not Found'),
  invalid: (message: string, field: string) => new IntercomError(400, 'parameter_invalid', message, field),
  tooMany: (max: number) => new IntercomError(400, 'parameter_invalid', `An app can have at most ${max} subscriptions`, 'url')
}
