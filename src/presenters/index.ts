import type { Admin, App, Conversation, Message, Page, Team } from '../domain/types.js'
import type { ApiVersion } from '../versions.js'
import type { BodyDisplay } from './body.js'
import { presentMe, type MeWire } from './me.js'
import { presentAdminListV1, presentAdminV1, type AdminListV1, type AdminV1 } from './v1/admin.js'
import { presentConversationListV1, presentConversationV1, type ConversationListV1, type ConversationV1 } from './v1/conversation.js'
import { presentMessageV1, type MessageV1 } from './v1/message.js'
import type { PageLink } from './v1/pages.js'

export type { BodyDisplay } from './body.js'
export type { PageLink } from './v1/pages.js'

/**
 * Renders the resources every API version shares, in the shapes of one version. Routes call
 * `request.present.X(result)`; resources that exist in one version only have their own presenters.
 */
export interface Presenter {
  readonly version: ApiVersion
  message: (m: Message) => MessageV1
  conversation: (c: Conversation, display: BodyDisplay) => ConversationV1
  conversationList: (page: Page<Conversation>, display: BodyDisplay, link: PageLink) => ConversationListV1
  admin: (a: Admin) => AdminV1
  adminList: (list: { admins: Admin[], teams: Team[] }) => AdminListV1
  me: (identity: { admin: Admin, app: App }) => MeWire
}

export function presenterFor (version: ApiVersion): Presenter {
  return {
    version,
    message: presentMessageV1,
    conversation: presentConversationV1,
    conversationList: presentConversationListV1,
    admin: presentAdminV1,
    adminList: presentAdminListV1,
    me: presentMe
  }
}
