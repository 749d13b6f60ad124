import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  attachContactToCompany, createOrUpdateCompany, deleteCompany, detachContactFromCompany, findCompanies, listCompanies,
  listCompanyContacts, listCompanySegments, listContactCompanies, retrieveCompany, scrollCompanies, updateCompany
} from '../domain/companies.js'
import { numberedPage } from '../domain/pagination.js'
import type { Company } from '../domain/types.js'
import { v1Only, v2Only } from '../http/api-version.js'
import { pageLinks } from '../http/links.js'
import { presentCompany } from '../presenters/company.js'
import { presentContactSegmentsV2 } from '../presenters/segment.js'
import { presentCompanyListV1, presentCompanyScrollV1 } from '../presenters/v1/company.js'
import { presentPersonListV1 } from '../presenters/v1/person.js'
import {
  presentCompanyContactsV2, presentCompanyListV2, presentCompanyScrollV2, presentContactCompaniesV2, presentDeletedCompanyV2
} from '../presenters/v2/company.js'
import { IdParams } from '../schemas/common.js'
import { AttachCompanyBody, CompanyBody, CompanyPageQuery, ContactCompanyParams, ListCompaniesQuery, ScrollCompaniesQuery } from '../schemas/companies.js'
import { companyChanges } from './inputs.js'

/** Companies in both majors, and 2.x attaching contacts to them. */
export const companyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/companies', { schema: { body: CompanyBody } }, async (request) => {
    const { body } = request
    const declare = request.apiVersion.major === 1
    const company = createOrUpdateCompany(request.ctx, body.company_id, { ...companyChanges(body), declareAttributes: declare })
    return presentCompany(company, request.ctx.workspace.app.idCode)
  })

  app.get('/companies', { schema: { querystring: ListCompaniesQuery } }, async (request) => {
    const { query, ctx } = request
    const appId = ctx.workspace.app.idCode
    const v1 = request.apiVersion.major === 1
    if (v1 && query.type === 'user' && query.company_id !== undefined) {
      const company = findCompanies(ctx, { companyId: query.company_id })[0] as Company
      return presentPersonListV1('users', listCompanyContacts(ctx, company.id, { page: query.page, perPage: query.per_page }), appId, pageLinks(request), request.apiVersion)
    }
    if (query.company_id !== undefined || query.name !== undefined) {
      const found = findCompanies(ctx, { companyId: query.company_id, name: query.name })
      // 1.x answers the company itself; 2.x a company_list of those that match.
      if (v1) return presentCompany(found[0] as Company, appId)
      return presentCompanyListV2(numberedPage(found, { page: 1, perPage: Math.max(found.length, 1), offset: 0 }, found.length), appId)
    }
    // Segments in the mock are segments of people, so no company is in one.
    const page = query.segment_id !== undefined
      ? numberedPage([], { page: 1, perPage: query.per_page ?? 15, offset: 0 }, 0)
      : listCompanies(ctx, { page: query.page, perPage: query.per_page, startingAfter: query.starting_after, order: query.order, tagId: query.tag_id })
    return v1 ? presentCompanyListV1(page, appId, pageLinks(request)) : presentCompanyListV2(page, appId)
  })

  app.post('/companies/list', { schema: { querystring: CompanyPageQuery }, constraints: v2Only }, async (request) => {
    const { query } = request
    const page = listCompanies(request.ctx, { page: query.page, perPage: query.per_page, startingAfter: query.starting_after, order: query.order })
    return presentCompanyListV2(page, request.ctx.workspace.app.idCode)
  })

  app.get('/companies/scroll', { schema: { querystring: ScrollCompaniesQuery } }, async (request) => {
    const scroll = scrollCompanies(request.ctx, request.query.scroll_param)
    const appId = request.ctx.workspace.app.idCode
    return request.apiVersion.major === 1 ? presentCompanyScrollV1(scroll, appId) : presentCompanyScrollV2(scroll, appId)
  })

  app.get('/companies/:id', { schema: { params: IdParams } }, async (request) => {
    return presentCompany(retrieveCompany(request.ctx, request.params.id), request.ctx.workspace.app.idCode)
  })

  app.put('/companies/:id', { schema: { params: IdParams, body: CompanyBody }, constraints: v2Only }, async (request) => {
    return presentCompany(updateCompany(request.ctx, request.params.id, companyChanges(request.body)), request.ctx.workspace.app.idCode)
  })

  app.delete('/companies/:id', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentDeletedCompanyV2(deleteCompany(request.ctx, request.params.id))
  })

  app.get('/companies/:id/contacts', { schema: { params: IdParams, querystring: CompanyPageQuery }, constraints: v2Only }, async (request) => {
    const page = listCompanyContacts(request.ctx, request.params.id, { page: request.query.page, perPage: request.query.per_page, startingAfter: request.query.starting_after })
    return presentCompanyContactsV2(page, request.ctx.workspace.app.idCode, request.apiVersion)
  })

  app.get('/companies/:id/segments', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentContactSegmentsV2(listCompanySegments(request.ctx, request.params.id))
  })

  app.get('/companies/:id/users', { schema: { params: IdParams, querystring: CompanyPageQuery }, constraints: v1Only }, async (request) => {
    const page = listCompanyContacts(request.ctx, request.params.id, { page: request.query.page, perPage: request.query.per_page })
    return presentPersonListV1('users', page, request.ctx.workspace.app.idCode, pageLinks(request), request.apiVersion)
  })

  app.post('/contacts/:id/companies', { schema: { params: IdParams, body: AttachCompanyBody }, constraints: v2Only }, async (request) => {
    return presentCompany(attachContactToCompany(request.ctx, request.params.id, request.body?.id), request.ctx.workspace.app.idCode)
  })

  app.get('/contacts/:id/companies', { schema: { params: IdParams }, constraints: v2Only }, async (request) => {
    return presentContactCompaniesV2(listContactCompanies(request.ctx, request.params.id), request.ctx.workspace.app.idCode)
  })

  app.delete('/contacts/:id/companies/:company_id', { schema: { params: ContactCompanyParams }, constraints: v2Only }, async (request) => {
    const company = detachContactFromCompany(request.ctx, request.params.id, request.params.company_id)
    return presentCompany(company, request.ctx.workspace.app.idCode)
  })
}
