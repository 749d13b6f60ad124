import { Type, type Static } from '@sinclair/typebox'
import { ContactIdentifiers, CustomAttributes, Id, Nullable, NullableBoolean, PageQuery, StringEnum, UnixTime } from './common.js'

/** A company as 1.x `POST /companies` and a user's `companies` list write it. */
export const CompanyAttributes = {
  name: Type.Optional(Nullable(Type.String())),
  plan: Type.Optional(Nullable(Type.String())),
  size: Type.Optional(Nullable(Type.Integer())),
  website: Type.Optional(Nullable(Type.String())),
  industry: Type.Optional(Nullable(Type.String())),
  monthly_spend: Type.Optional(Nullable(Type.Number())),
  custom_attributes: Type.Optional(CustomAttributes),
  remote_created_at: Type.Optional(Nullable(UnixTime)),
  last_request_at: Type.Optional(Nullable(UnixTime))
}

/** Attributes 1.x `POST /users` and `POST /contacts` may set (intercom-api.md §3.1–3.2). */
const PersonAttributes = {
  id: Type.Optional(Id),
  user_id: Type.Optional(Id),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Nullable(Type.String())),
  name: Type.Optional(Nullable(Type.String())),
  avatar: Type.Optional(Nullable(Type.Object({ image_url: Type.Optional(Nullable(Type.String())) }))),
  unsubscribed_from_emails: Type.Optional(NullableBoolean),
  custom_attributes: Type.Optional(CustomAttributes),
  signed_up_at: Type.Optional(Nullable(UnixTime)),
  remote_created_at: Type.Optional(Nullable(UnixTime)),
  last_request_at: Type.Optional(Nullable(UnixTime)),
  update_last_request_at: Type.Optional(Type.Boolean()),
  new_session: Type.Optional(Type.Boolean()),
  companies: Type.Optional(Type.Array(Type.Object({
    ...CompanyAttributes,
    company_id: Type.Optional(Type.String()),
    id: Type.Optional(Type.String()),
    remove: Type.Optional(Type.Boolean())
  })))
}

export const CreateOrUpdatePersonBody = Type.Object(PersonAttributes)
export type CreateOrUpdatePersonBody = Static<typeof CreateOrUpdatePersonBody>

export const ListPeopleQuery = Type.Object({
  user_id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Type.String()),
  order: Type.Optional(Type.String()),
  sort: Type.Optional(Type.String()),
  ...PageQuery
})
export type ListPeopleQuery = Static<typeof ListPeopleQuery>

export const FindVisitorQuery = Type.Object({
  user_id: Type.Optional(Type.String()),
  id: Type.Optional(Type.String()),
  email: Type.Optional(Type.String())
})

export const ConvertVisitorBody = Type.Object({
  type: StringEnum(['lead', 'user'] as const),
  visitor: ContactIdentifiers,
  user: Type.Optional(ContactIdentifiers)
})
export type ConvertVisitorBody = Static<typeof ConvertVisitorBody>

export const ConvertLeadBody = Type.Object({
  contact: ContactIdentifiers,
  user: ContactIdentifiers
})
export type ConvertLeadBody = Static<typeof ConvertLeadBody>

/** 2.x `POST /contacts` and `PUT /contacts/{id}` (intercom-api.md §3.3). */
export const ContactBody = Type.Object({
  role: Type.Optional(Type.String()),
  external_id: Type.Optional(Nullable(Id)),
  email: Type.Optional(Type.String()),
  phone: Type.Optional(Nullable(Type.String())),
  name: Type.Optional(Nullable(Type.String())),
  avatar: Type.Optional(Nullable(Type.String())),
  signed_up_at: Type.Optional(Nullable(UnixTime)),
  last_seen_at: Type.Optional(Nullable(UnixTime)),
  owner_id: Type.Optional(Nullable(Type.Integer())),
  unsubscribed_from_emails: Type.Optional(NullableBoolean),
  custom_attributes: Type.Optional(Nullable(CustomAttributes))
})
export type ContactBody = Static<typeof ContactBody>

export const ListContactsQuery = Type.Object({
  ...PageQuery,
  starting_after: Type.Optional(Type.String())
})

export const MergeContactsBody = Type.Object({
  from: Type.Optional(Id),
  into: Type.Optional(Id)
})

export const ExternalIdParams = Type.Object({ external_id: Id })
