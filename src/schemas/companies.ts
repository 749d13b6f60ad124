import { Type, type Static } from '@sinclair/typebox'
import { Id, PageQuery } from './common.js'
import { CompanyAttributes } from './people.js'

/** `POST /companies` (both majors) and `PUT /companies/{id}` (2.x, where `company_id` cannot change). */
export const CompanyBody = Type.Object({
  company_id: Type.Optional(Type.String()),
  ...CompanyAttributes
})
export type CompanyBody = Static<typeof CompanyBody>

export const ListCompaniesQuery = Type.Object({
  company_id: Type.Optional(Type.String()),
  /** 1.x `type=user` with `company_id`: the company's users. */
  type: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  tag_id: Type.Optional(Type.String()),
  segment_id: Type.Optional(Type.String()),
  order: Type.Optional(Type.String()),
  starting_after: Type.Optional(Type.String()),
  ...PageQuery
})

export const CompanyPageQuery = Type.Object({ ...PageQuery, starting_after: Type.Optional(Type.String()), order: Type.Optional(Type.String()) })

export const ScrollCompaniesQuery = Type.Object({ scroll_param: Type.Optional(Type.String()) })

/** `POST /contacts/{id}/companies` `{id}`: the Intercom id of the company. */
export const AttachCompanyBody = Type.Object({ id: Type.Optional(Id) })

export const ContactCompanyParams = Type.Object({ id: Id, company_id: Id })
