import type { Company } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'
import { boundLimit } from './values.js'

/** A company as stored; its tags are read by the tag store. */
export type CompanyRecord = Omit<Company, 'tags'>

interface CompanyRow {
  id: string
  company_id: string
  name: string | null
  plan: string | null
  size: number | null
  website: string | null
  industry: string | null
  monthly_spend: number
  custom_attributes: string
  remote_created_at: number | null
  last_request_at: number | null
  created_at: number
  updated_at: number
  user_count: number
  session_count: number
}

const COLUMNS = `id, company_id, name, plan, size, website, industry, monthly_spend, custom_attributes, remote_created_at,
  last_request_at, created_at, updated_at`
// Counted over the live contacts attached to the company (alias co).
const SELECT = `SELECT ${COLUMNS.split(',').map(c => `co.${c.trim()}`).join(', ')},
  (SELECT count(*) FROM company_contacts l JOIN contacts ct ON ct.workspace_id = l.workspace_id AND ct.id = l.contact_id
   WHERE l.workspace_id = co.workspace_id AND l.company_id = co.id AND ct.deleted_at IS NULL) AS user_count,
  (SELECT coalesce(sum(ct.session_count), 0) FROM company_contacts l JOIN contacts ct ON ct.workspace_id = l.workspace_id AND ct.id = l.contact_id
   WHERE l.workspace_id = co.workspace_id AND l.company_id = co.id AND ct.deleted_at IS NULL) AS session_count
  FROM companies co`

/** @internal */
export function prepareCompanyStatements (db: SqliteDatabase) {
  return {
    byId: db.prepare<[number, string], CompanyRow>(`${SELECT} WHERE co.workspace_id = ? AND co.id = ?`),
    byCompanyId: db.prepare<[number, string], CompanyRow>(`${SELECT} WHERE co.workspace_id = ? AND co.company_id = ?`),
    byName: db.prepare<[number, string], CompanyRow>(`${SELECT} WHERE co.workspace_id = ? AND co.name = ? ORDER BY co.created_at, co.id`),
    pageDesc: db.prepare<[number, number, number], CompanyRow>(`${SELECT} WHERE co.workspace_id = ?
      ORDER BY co.created_at DESC, co.id DESC ${boundLimit('?')} OFFSET ?`),
    pageAsc: db.prepare<[number, number, number], CompanyRow>(`${SELECT} WHERE co.workspace_id = ?
      ORDER BY co.created_at, co.id ${boundLimit('?')} OFFSET ?`),
    count: db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM companies WHERE workspace_id = ?'),
    pageByTag: db.prepare<[number, number, number, number], CompanyRow>(`${SELECT} WHERE co.workspace_id = ?
      AND co.id IN (SELECT company_id FROM company_tags WHERE workspace_id = co.workspace_id AND tag_id = ?)
      ORDER BY co.created_at DESC, co.id DESC ${boundLimit('?')} OFFSET ?`),
    countByTag: db.prepare<[number, number], { n: number }>('SELECT count(*) AS n FROM company_tags WHERE workspace_id = ? AND tag_id = ?'),
    insert: db.prepare(`INSERT INTO companies (workspace_id, ${COLUMNS}) VALUES (@workspace_id, @id, @company_id, @name, @plan,
      @size, @website, @industry, @monthly_spend, @custom_attributes, @remote_created_at, @last_request_at, @created_at, @updated_at)`),
    update: db.prepare(`UPDATE companies SET name = @name, plan = @plan, size = @size, website = @website, industry = @industry,
      monthly_spend = @monthly_spend, custom_attributes = @custom_attributes, remote_created_at = @remote_created_at,
      last_request_at = @last_request_at, updated_at = @updated_at WHERE workspace_id = @workspace_id AND id = @id`),
    delete: db.prepare<[number, string]>('DELETE FROM companies WHERE workspace_id = ? AND id = ?'),
    attach: db.prepare<[number, string, string, number]>(`INSERT INTO company_contacts (workspace_id, company_id, contact_id, attached_at)
      VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`),
    attachments: db.prepare<[number], { company_id: string, contact_id: string, attached_at: number }>(`SELECT company_id, contact_id, attached_at
      FROM company_contacts WHERE workspace_id = ?`),
    detach: db.prepare<[number, string, string]>('DELETE FROM company_contacts WHERE workspace_id = ? AND company_id = ? AND contact_id = ?'),
    contactIds: db.prepare<[number, string, number, number], { contact_id: string }>(`SELECT l.contact_id FROM company_contacts l
      JOIN contacts ct ON ct.workspace_id = l.workspace_id AND ct.id = l.contact_id
      WHERE l.workspace_id = ? AND l.company_id = ? AND ct.deleted_at IS NULL ORDER BY l.attached_at, l.contact_id ${boundLimit('?')} OFFSET ?`)
  }
}

/** @internal */
export type CompanyStatements = ReturnType<typeof prepareCompanyStatements>

/** Companies of one workspace and the contacts attached to them. */
export class CompanyStore {
  constructor (private readonly q: CompanyStatements, private readonly workspaceId: number) {}

  findById (id: string): CompanyRecord | null {
    return toRecordOrNull(this.q.byId.get(this.workspaceId, id))
  }

  /** By the company_id the workspace gave it. */
  findByCompanyId (companyId: string): CompanyRecord | null {
    return toRecordOrNull(this.q.byCompanyId.get(this.workspaceId, companyId))
  }

  findByName (name: string): CompanyRecord[] {
    return this.q.byName.all(this.workspaceId, name).map(toRecord)
  }

  page (direction: 'asc' | 'desc', limit: number, offset: number): CompanyRecord[] {
    return (direction === 'asc' ? this.q.pageAsc : this.q.pageDesc).all(this.workspaceId, limit, offset).map(toRecord)
  }

  count (): number {
    return this.q.count.get(this.workspaceId)?.n ?? 0
  }

  pageByTag (tagId: string, limit: number, offset: number): CompanyRecord[] {
    return this.q.pageByTag.all(this.workspaceId, Number(tagId), limit, offset).map(toRecord)
  }

  countByTag (tagId: string): number {
    return this.q.countByTag.get(this.workspaceId, Number(tagId))?.n ?? 0
  }

  insert (company: CompanyRecord): void {
    this.q.insert.run(toRow(this.workspaceId, company))
  }

  update (company: CompanyRecord): void {
    this.q.update.run(toRow(this.workspaceId, company))
  }

  /** Deletes the company; its contacts stay, detached. */
  delete (id: string): void {
    this.q.delete.run(this.workspaceId, id)
  }

  attach (companyId: string, contactId: string, at: number): void {
    this.q.attach.run(this.workspaceId, companyId, contactId, at)
  }

  /** True when the contact was attached. */
  /** Every contact's companies: company object id and when attached, per contact id (the state dump). */
  attachments (): Map<string, Map<string, number>> {
    const byContact = new Map<string, Map<string, number>>()
    for (const row of this.q.attachments.all(this.workspaceId)) {
      const companies = byContact.get(row.contact_id) ?? new Map<string, number>()
      companies.set(row.company_id, row.attached_at)
      byContact.set(row.contact_id, companies)
    }
    return byContact
  }

  detach (companyId: string, contactId: string): boolean {
    return this.q.detach.run(this.workspaceId, companyId, contactId).changes > 0
  }

  /** Ids of the live contacts attached, in the order they were attached. */
  contactIds (companyId: string, limit: number, offset: number): string[] {
    return this.q.contactIds.all(this.workspaceId, companyId, limit, offset).map(row => row.contact_id)
  }
}

function toRecordOrNull (row: CompanyRow | undefined): CompanyRecord | null {
  return row === undefined ? null : toRecord(row)
}

function toRecord (row: CompanyRow): CompanyRecord {
  return {
    id: row.id,
    companyId: row.company_id,
    name: row.name,
    plan: row.plan,
    size: row.size,
    website: row.website,
    industry: row.industry,
    monthlySpend: row.monthly_spend,
    customAttributes: JSON.parse(row.custom_attributes) as Record<string, unknown>,
    remoteCreatedAt: row.remote_created_at,
    lastRequestAt: row.last_request_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    userCount: row.user_count,
    sessionCount: row.session_count
  }
}

function toRow (workspaceId: number, c: CompanyRecord) {
  return {
    workspace_id: workspaceId,
    id: c.id,
    company_id: c.companyId,
    name: c.name,
    plan: c.plan,
    size: c.size,
    website: c.website,
    industry: c.industry,
    monthly_spend: c.monthlySpend,
    custom_attributes: JSON.stringify(c.customAttributes),
    remote_created_at: c.remoteCreatedAt,
    last_request_at: c.lastRequestAt,
    created_at: c.createdAt,
    updated_at: c.updatedAt
  }
}
