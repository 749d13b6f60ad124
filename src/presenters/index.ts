import type { Admin, App, Contact, Conversation, Message, Page, Team } from '../domain/types.js'
import { isAtLeast, type ApiVersion } from '../versions.js'
import type { BodyDisplay } from './body.js'
import { presentMe, type MeWire } from './me.js'
import { presentAdminListV1, presentAdminV1 } from './v1/admin.js'
import { presentConversationListV1, presentConversationV1 } from './v1/conversation.js'
import { presentMessageV1 } from './v1/message.js'
import type { PageLink } from './v1/pages.js'
import { presentPersonV1 } from './v1/person.js'
import { presentAdminListV2, presentAdminV2 } from './v2/admin.js'
import { presentContactV2 } from './v2/contact.js'
import { presentConversationListV2, presentConversationV2 } from './v2/conversation.js'
import { presentMeV2 } from './v2/me.js'
import { presentMessageV2 } from './v2/message.js'
import { presentVisitorV2 } from './v2/visitor.js'

export type { BodyDisplay } from './body.js'
export type { PageLink } from './v1/pages.js'

/**
 * Renders the resources every API version shares, in the shapes of one version (1.x and 2.x are two
 * renderers of one model). Routes call `request.present.X(result)`; resources that exist in one major
 * only (1.x users and leads, 2.x contacts) have their own presenters.
 */
export interface Presenter {
  readonly version: ApiVersion
  message: (m: Message) => object
  conversation: (c: Conversation, display: BodyDisplay) => object
  /** 1.x links pages by absolute URL (`link`); 2.x by cursor. */
  conversationList: (page: Page<Conversation>, display: BodyDisplay, link: PageLink) => object
  admin: (a: Admin) => object
  adminList: (list: { admins: Admin[], teams: Team[] }) => object
  me: (identity: { admin: Admin, app: App }) => MeWire | object
  /** `GET /visitors`: a 1.x visitor, or a 2.x visitor. */
  visitor: (c: Contact, appId: string) => object
  /** A person as the version calls it: a 1.x user/lead/visitor, or a 2.x contact. */
  person: (c: Contact, appId: string) => object
}

export function presenterFor (version: ApiVersion): Presenter {
  if (!isAtLeast(version, 2, 0)) {
    return {
      version,
      message: presentMessageV1,
      conversation: presentConversationV1,
      conversationList: presentConversationListV1,
      admin: presentAdminV1,
      adminList: presentAdminListV1,
      me: presentMe,
      visitor: presentPersonV1,
      person: presentPersonV1
    }
  }
  return {
    version,
    message: (m) => presentMessageV2(m, version),
    conversation: (c, display) => presentConversationV2(c, display, version),
    conversationList: (page, display) => presentConversationListV2(page, display, version),
    admin: (a) => presentAdminV2(a, version),
    adminList: (list) => presentAdminListV2(list, version),
    me: (identity) => presentMeV2(identity, version),
    visitor: (c, appId) => presentVisitorV2(c, appId, version),
    person: (c, appId) => presentContactV2(c, appId, version)
  }
}
