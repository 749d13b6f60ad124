import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { findContact, singleIdentifier, type ContactIdentifiers } from './people.js'
import { findAdmin } from './references.js'
import { filterFields } from './segments.js'
import type { AppliedTag, Contact, Tag } from './types.js'

const CONTACT_ROLES = ['user', 'lead'] as const
const MAX_NAME_LENGTH = 190

export function listTags (ctx: DomainContext): Tag[] {
  return ctx.store.tags.all()
}

/** `GET /tags/{id}`: an unknown id is Intercom's 404 `Resource Not Found`. */
export function retrieveTag (ctx: DomainContext, id: string): Tag {
  const tag = ctx.store.tags.findById(id)
  if (tag === null) throw errors.notFound('Resource')
  return tag
}

/** Who is tagged or untagged by a `POST /tags` (1.x users and companies; 2.x the same lists). */
export interface TagTargets {
  users?: Array<ContactIdentifiers & { untag?: boolean | undefined }> | undefined
  companies?: Array<{ id?: string | undefined, companyId?: string | undefined, untag?: boolean | undefined }> | undefined
}

/**
 * `POST /tags`: with `id`, renames that tag; otherwise the tag of that name, created if new. With
 * `users` or `companies`, it is also applied to (or, with `untag: true`, removed from) each of them;
 * an unknown user is 404 "User Not Found", an unknown company 404 `company_not_found`, and nothing
 * is written then.
 */
export function createOrUpdateTag (ctx: DomainContext, input: { name?: string | undefined, id?: string | undefined } & TagTargets): Tag {
  const name = input.name?.trim() ?? ''
  if (name === '' || name.length > MAX_NAME_LENGTH) throw errors.parameterInvalid('invalid tag parameters')
  return ctx.store.transaction(() => {
    const users = (input.users ?? []).map((user, i) => ({
      contact: findContact(ctx, singleIdentifier(user, `users[${i}]`), ['user', 'lead']),
      untag: user.untag === true
    }))
    const companies = (input.companies ?? []).map(company => ({ company: taggedCompany(ctx, company), untag: company.untag === true }))
    const tag = input.id === undefined || input.id === '' ? tagNamed(ctx, name) : renameTag(ctx, input.id, name)
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    for (const { contact, untag } of users) {
      if (untag) removeContactTag(ctx, contact, tag)
      else applyContactTag(ctx, contact, tag, now)
    }
    for (const { company, untag } of companies) {
      if (untag) ctx.store.tags.remove('company', company, tag.id)
      else ctx.store.tags.apply('company', company, tag.id, now, null)
    }
    return tag
  })
}

/**
 * `DELETE /tags/{id}`: the tag comes off every contact, conversation and company it was on. A tag a
 * segment's filter uses is Intercom's 400 `tag_has_dependent_objects`, naming the segments.
 */
export function deleteTag (ctx: DomainContext, id: string): void {
  ctx.store.transaction(() => {
    const tag = retrieveTag(ctx, id)
    const dependents = ctx.store.segments.all().filter(s => filterFields(s.filter).some(f => f.field === 'tag_id' && f.values.includes(tag.id)))
    if (dependents.length > 0) throw errors.tagHasDependents(dependents.map(s => s.name))
    ctx.store.tags.delete(tag.id)
  })
}

/** `GET /contacts/{id}/tags`. */
export function listContactTags (ctx: DomainContext, contactId: string): AppliedTag[] {
  return taggedContact(ctx, contactId).links.tags
}

/** `POST /contacts/{id}/tags` `{id}`: applied by the admin who owns the token, as Intercom records it. */
export function tagContact (ctx: DomainContext, contactId: string, tagId: string | undefined): AppliedTag {
  return ctx.store.transaction(() => {
    const contact = taggedContact(ctx, contactId)
    const tag = tagToApply(ctx, tagId, () => errors.notFound('Resource'))
    // All checks are above this line; below it, only writes.
    applyContactTag(ctx, contact, tag, ctx.clock.now())
    return appliedOn(ctx, 'contact', contact.id, tag)
  })
}

/** `DELETE /contacts/{id}/tags/{tag_id}`: answers the tag as it was applied. */
export function untagContact (ctx: DomainContext, contactId: string, tagId: string): AppliedTag {
  return ctx.store.transaction(() => {
    const contact = taggedContact(ctx, contactId)
    const tag = tagToApply(ctx, tagId, () => errors.notFound('Resource'))
    const applied = contact.links.tags.find(t => t.tag.id === tag.id) ?? unapplied(tag)
    removeContactTag(ctx, contact, tag)
    return applied
  })
}

/** `POST /conversations/{id}/tags` `{id, admin_id}`. */
export function tagConversation (ctx: DomainContext, conversationId: string, input: { tagId?: string | undefined, adminId?: string | undefined }): AppliedTag {
  return ctx.store.transaction(() => {
    const admin = findAdmin(ctx, input.adminId, 'admin_id')
    const conversation = taggedConversation(ctx, conversationId)
    const tag = tagToApply(ctx, input.tagId, errors.tagNotFound)
    // All checks are above this line; below it, only writes.
    ctx.store.tags.apply('conversation', conversation, tag.id, ctx.clock.now(), admin.id)
    return appliedOn(ctx, 'conversation', conversation, tag)
  })
}

/** `DELETE /conversations/{id}/tags/{tag_id}` `{admin_id}`. */
export function untagConversation (ctx: DomainContext, conversationId: string, tagId: string, adminId: string | undefined): AppliedTag {
  return ctx.store.transaction(() => {
    findAdmin(ctx, adminId, 'admin_id')
    const conversation = taggedConversation(ctx, conversationId)
    const tag = tagToApply(ctx, tagId, errors.tagNotFound)
    const applied = appliedOn(ctx, 'conversation', conversation, tag)
    ctx.store.tags.remove('conversation', conversation, tag.id)
    return applied
  })
}

function tagNamed (ctx: DomainContext, name: string): Tag {
  const existing = ctx.store.tags.findByName(name)
  if (existing !== null) return existing
  const tag = { id: unusedTagId(ctx), name }
  ctx.store.tags.insert(tag, ctx.clock.now())
  return tag
}

/** The next tag id of the workspace's sequence that no tag has (fixtures may give tags ids of their own). */
export function unusedTagId (ctx: DomainContext): string {
  let id = ctx.ids.tagId()
  while (ctx.store.tags.findById(id) !== null) id = ctx.ids.tagId()
  return id
}

function renameTag (ctx: DomainContext, id: string, name: string): Tag {
  const tag = retrieveTag(ctx, id)
  const other = ctx.store.tags.findByName(name)
  if (other !== null && other.id !== tag.id) throw errors.parameterInvalid(`A tag named ${name} already exists with id=${other.id}`, 'name')
  const renamed = { ...tag, name }
  ctx.store.tags.rename(renamed)
  return renamed
}

function taggedCompany (ctx: DomainContext, company: { id?: string | undefined, companyId?: string | undefined }): string {
  const found = company.id !== undefined && company.id !== '' ? ctx.store.companies.findById(company.id)
    : company.companyId !== undefined && company.companyId !== '' ? ctx.store.companies.findByCompanyId(company.companyId) : null
  if (found === null) throw errors.companyNotFound()
  return found.id
}

function taggedContact (ctx: DomainContext, id: string): Contact {
  return findContact(ctx, { by: 'id', value: id }, CONTACT_ROLES)
}

function taggedConversation (ctx: DomainContext, id: string): string {
  const record = ctx.store.conversations.findById(id)
  if (record === null) throw errors.conversationNotFound()
  return record.id
}

function tagToApply (ctx: DomainContext, id: string | undefined, notFound: () => Error): Tag {
  if (id === undefined || id === '') throw errors.parameterInvalid('id is required: the id of the tag', 'id')
  const tag = ctx.store.tags.findById(id)
  if (tag === null) throw notFound()
  return tag
}

function appliedOn (ctx: DomainContext, taggable: 'contact' | 'conversation', ownerId: string, tag: Tag): AppliedTag {
  return ctx.store.tags.of(taggable, [ownerId]).get(ownerId)?.find(t => t.tag.id === tag.id) ?? unapplied(tag)
}

function unapplied (tag: Tag): AppliedTag {
  return { tag, appliedAt: null, appliedBy: null }
}

/** Tags a user or lead, by the token's owner; a tag already on the contact stays as it was, and nothing is notified. */
function applyContactTag (ctx: DomainContext, contact: Contact, tag: Tag, at: number): void {
  if (contact.links.tags.some(t => t.tag.id === tag.id)) return
  ctx.store.tags.apply('contact', contact.id, tag.id, at, ctx.workspace.ownerAdminId)
  ctx.events.record({ type: 'contact.tag_changed', contact: ctx.store.contacts.findById(contact.id) ?? contact, tag, at, added: true })
}

function removeContactTag (ctx: DomainContext, contact: Contact, tag: Tag): void {
  if (!ctx.store.tags.remove('contact', contact.id, tag.id)) return
  ctx.events.record({ type: 'contact.tag_changed', contact: ctx.store.contacts.findById(contact.id) ?? contact, tag, at: ctx.clock.now(), added: false })
}
