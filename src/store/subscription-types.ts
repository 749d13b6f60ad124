import type { ConsentType, SubscriptionType } from '../domain/types.js'
import type { SqliteDatabase } from './db.js'

interface SubscriptionTypeRow {
  id: string
  name: string
  description: string
  locale: string
  consent_type: ConsentType
  state: SubscriptionType['state']
  content_types: string
}

const COLUMNS = 'id, name, description, locale, consent_type, state, content_types'

/** @internal */
export function prepareSubscriptionTypeStatements (db: SqliteDatabase) {
  return {
    all: db.prepare<[number], SubscriptionTypeRow>(`SELECT ${COLUMNS} FROM subscription_types WHERE workspace_id = ? ORDER BY position`),
    byId: db.prepare<[number, string], SubscriptionTypeRow>(`SELECT ${COLUMNS} FROM subscription_types WHERE workspace_id = ? AND id = ?`),
    insert: db.prepare(`INSERT INTO subscription_types (workspace_id, ${COLUMNS}, position) VALUES (@workspace_id, @id, @name,
      @description, @locale, @consent_type, @state, @content_types, @position)`),
    choose: db.prepare<[number, string, string, ConsentType]>(`INSERT INTO contact_subscriptions
      (workspace_id, contact_id, subscription_type_id, consent) VALUES (?, ?, ?, ?)
      ON CONFLICT (workspace_id, contact_id, subscription_type_id) DO UPDATE SET consent = excluded.consent`),
    unchoose: db.prepare<[number, string, string]>(`DELETE FROM contact_subscriptions
      WHERE workspace_id = ? AND contact_id = ? AND subscription_type_id = ?`)
  }
}

/** @internal */
export type SubscriptionTypeStatements = ReturnType<typeof prepareSubscriptionTypeStatements>

/** Subscription types of one workspace (from the fixtures) and the choices contacts made about them. */
export class SubscriptionTypeStore {
  constructor (private readonly q: SubscriptionTypeStatements, private readonly workspaceId: number) {}

  all (): SubscriptionType[] {
    return this.q.all.all(this.workspaceId).map(toSubscriptionType)
  }

  findById (id: string): SubscriptionType | null {
    const row = this.q.byId.get(this.workspaceId, id)
    return row === undefined ? null : toSubscriptionType(row)
  }

  insert (type: SubscriptionType, position: number): void {
    this.q.insert.run({
      workspace_id: this.workspaceId,
      id: type.id,
      name: type.name,
      description: type.description,
      locale: type.locale,
      consent_type: type.consentType,
      state: type.state,
      content_types: JSON.stringify(type.contentTypes),
      position
    })
  }

  /** Records the contact's choice about the type (replacing an earlier one). */
  choose (contactId: string, typeId: string, consent: ConsentType): void {
    this.q.choose.run(this.workspaceId, contactId, typeId, consent)
  }

  /** True when the contact had made a choice about the type, now forgotten. */
  unchoose (contactId: string, typeId: string): boolean {
    return this.q.unchoose.run(this.workspaceId, contactId, typeId).changes > 0
  }
}

function toSubscriptionType (row: SubscriptionTypeRow): SubscriptionType {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    locale: row.locale,
    consentType: row.consent_type,
    state: row.state,
    contentTypes: JSON.parse(row.content_types) as SubscriptionType['contentTypes']
  }
}
