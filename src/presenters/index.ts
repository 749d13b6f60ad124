import type { Admin, App, Contact, Conversation, Message, Note, Page, Tag, Team } from '../domain/types.js'
import { isAtLeast, type ApiVersion } from '../versions.js'
import type { BodyDisplay } from './body.js'
import { presentMe, type MeWire } from './me.js'
import { presentAdminListV1, presentAdminV1, type AdminListV1, type AdminV1 } from './v1/admin.js'
import { presentConversationListV1, presentConversationV1, type ConversationListV1, type ConversationV1 } from './v1/conversation.js'
import { presentMessageV1, type MessageV1 } from './v1/message.js'
import type { PageLink } from './v1/pages.js'
import { presentNoteV1, type NoteV1 } from './v1/note.js'
import { presentPersonV1, type PersonV1 } from './v1/person.js'
import { presentTagListV1, presentTagV1, type TagListV1, type TagV1 } from './v1/tag.js'
import { presentAdminListV2, presentAdminV2, type AdminListV2, type AdminV2 } from './v2/admin.js'
import { presentContactV2, type ContactV2 } from './v2/contact.js'
import { presentConversationListV2, presentConversationV2, type ConversationListV2, type ConversationV2 } from './v2/conversation.js'
import { presentMeV2, type MeV2 } from './v2/me.js'
import { presentMessageV2, type MessageV2 } from './v2/message.js'
import { presentNoteV2, type NoteV2 } from './v2/note.js'
import { presentTagListV2, presentTagV2, type TagListV2, type TagV2 } from './v2/tag.js'
import { presentVisitorV2, type VisitorV2 } from './v2/visitor.js'

export type { BodyDisplay } from './body.js'
export type { PageLink } from './v1/pages.js'

/**
 * Renders the resources every API version shares, in the shapes of one version (1.x and 2.x are two
 * renderers of one model). Routes call `request.present.X(result)`; resources that exist in one major
 * only (1.x users and leads, 2.x contacts) have their own presenters.
 */
export interface Presenter {
  readonly version: ApiVersion
  message: (m: Message) => MessageV1 | MessageV2
  conversation: (c: Conversation, display: BodyDisplay) => ConversationV1 | ConversationV2
  /** 1.x links pages by absolute URL (`link`); 2.x by cursor. */
  conversationList: (page: Page<Conversation>, display: BodyDisplay, link: PageLink) => ConversationListV1 | ConversationListV2
  admin: (a: Admin) => AdminV1 | AdminV2
  adminList: (list: { admins: Admin[], teams: Team[] }) => AdminListV1 | AdminListV2
  me: (identity: { admin: Admin, app: App }) => MeWire | MeV2
  /** `GET /visitors`: a 1.x visitor, or a 2.x visitor. */
  visitor: (c: Contact, appId: string) => PersonV1 | VisitorV2
  /** A person as the version calls it: a 1.x user/lead/visitor, or a 2.x contact. */
  person: (c: Contact, appId: string) => PersonV1 | ContactV2
  tag: (t: Tag) => TagV1 | TagV2
  tagList: (tags: Tag[]) => TagListV1 | TagListV2
  note: (n: Note) => NoteV1 | NoteV2
}

export function presenterFor (version: ApiVersion): Presenter {
  if (!isAtLeast(version, 2, 0)) {
    return {
      version,
      message: presentMessageV1,
      conversation: (c, display) => presentConversationV1(c, display, version),
      conversationList: (page, display, link) => presentConversationListV1(page, display, link, version),
      admin: presentAdminV1,
      adminList: presentAdminListV1,
      me: presentMe,
      visitor: (c, appId) => presentPersonV1(c, appId, version),
      person: (c, appId) => presentPersonV1(c, appId, version),
      tag: presentTagV1,
      tagList: presentTagListV1,
      note: presentNoteV1
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
    person: (c, appId) => presentContactV2(c, appId, version),
    tag: presentTagV2,
    tagList: presentTagListV2,
    note: (n) => presentNoteV2(n, version)
  }
}
