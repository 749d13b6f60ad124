import type { SubscriptionType } from '../../domain/types.js'

/** A 2.x `subscription_type` with its one translation. */
export interface SubscriptionTypeV2 {
  type: 'subscription'
  id: string
  state: SubscriptionType['state']
  consent_type: SubscriptionType['consentType']
  default_translation: { name: string, description: string, locale: string }
  translations: Array<{ name: string, description: string, locale: string }>
  content_types: SubscriptionType['contentTypes']
}

export function presentSubscriptionTypeV2 (s: SubscriptionType): SubscriptionTypeV2 {
  const translation = { name: s.name, description: s.description, locale: s.locale }
  return { type: 'subscription', id: s.id, state: s.state, consent_type: s.consentType, default_translation: translation, translations: [translation], content_types: s.contentTypes }
}

export function presentSubscriptionTypeListV2 (types: SubscriptionType[]): { type: 'list', data: SubscriptionTypeV2[] } {
  return { type: 'list', data: types.map(presentSubscriptionTypeV2) }
}
