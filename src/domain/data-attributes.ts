import type { CustomAttributeRecord } from '../store/index.js'
import type { DomainContext } from './context.js'
import { mergeCustomAttributes } from './custom-attributes.js'
import { errors } from './errors.js'
import { filterFields } from './segments.js'
import type { DataAttribute, DataAttributeModel, DataAttributeType } from './types.js'

type Standard = Pick<DataAttribute, 'model' | 'name' | 'label' | 'description' | 'dataType' | 'apiWritable'>

/** Intercom's own attributes of each model (a subset of its list: those the mock keeps). */
const STANDARD_ATTRIBUTES: readonly Standard[] = [
  ...([
    ['name', 'Name', 'The name of the contact', 'string', true],
    ['email', 'Email', 'The email address of the contact', 'string', true],
    ['phone', 'Phone', 'The phone number of the contact', 'string', true],
    ['external_id', 'User ID', 'Your own id for the contact', 'string', true],
    ['role', 'Role', 'user or lead', 'string', true],
    ['signed_up_at', 'Signed up', 'When the contact signed up', 'date', true],
    ['last_seen_at', 'Last seen', 'When the contact was last seen', 'date', true],
    ['last_replied_at', 'Last replied', 'When the contact last replied', 'date', false],
    ['unsubscribed_from_emails', 'Unsubscribed from emails', 'Whether the contact unsubscribed from emails', 'boolean', true],
    ['created_at', 'Created', 'When the contact was created', 'date', false],
    ['updated_at', 'Updated', 'When the contact was last updated', 'date', false]
  ] as const).map(([name, label, description, dataType, apiWritable]) => ({ model: 'contact' as const, name, label, description, dataType, apiWritable })),
  ...([
    ['name', 'Company name', 'The name of a company', 'string', true],
    ['company_id', 'Company ID', 'A number identifying a company', 'string', false],
    ['plan', 'Plan', 'The plan of a company', 'string', true],
    ['monthly_spend', 'Monthly spend', 'How much revenue the company generates', 'integer', true],
    ['size', 'Company size', 'The number of employees in a company', 'integer', true],
    ['website', 'Company website', 'The website of a company', 'string', true],
    ['industry', 'Industry', 'The industry of a company', 'string', true],
    ['remote_created_at', 'Company created at', 'The day a company was added to Intercom', 'date', true],
    ['last_request_at', 'Company last seen', 'The last day anyone from a company visited your site or app', 'date', false],
    ['user_count', 'People', 'The number of people in a company', 'integer', false],
    ['session_count', 'Company web sessions', 'All visits from anyone in a company to your product\'s site or app', 'integer', false]
  ] as const).map(([name, label, description, dataType, apiWritable]) => ({ model: 'company' as const, name, label, description, dataType, apiWritable }))
]

const MODEL_LABELS: Record<DataAttributeModel, string> = { contact: 'people', company: 'company', conversation: 'conversation' }
const DATA_TYPES: Record<string, DataAttributeType> = {
  string: 'string', integer: 'integer', float: 'float', boolean: 'boolean', date: 'date', datetime: 'date', options: 'string'
}
const NAME = /^[\p{L}\p{N}\p{Sc} _-]+$/u

/** A custom attribute as a fixture or `POST /data_attributes` declares it. */
export interface DataAttributeDefinition {
  name?: string | undefined
  model?: string | undefined
  dataType?: string | undefined
  options?: unknown
  description?: string | undefined
  messengerWritable?: boolean | undefined
}

/** `GET /data_attributes`: Intercom's attributes, then the workspace's own, of one model or all. */
export function listDataAttributes (ctx: DomainContext, input: { model?: DataAttributeModel | undefined, includeArchived?: boolean | undefined }): DataAttribute[] {
  const standard = STANDARD_ATTRIBUTES.map(toStandard)
  const custom = ctx.store.dataAttributes.all().filter(a => input.includeArchived === true || !a.archived).map(toDataAttribute)
  return [...standard, ...custom].filter(a => input.model === undefined || a.model === input.model)
}

/**
 * `POST /data_attributes`: a custom attribute of contacts or companies (fixtures may also declare
 * conversations'). `data_type: options` is a string attribute with a list of `options`; `datetime`
 * is a date. Messages are Intercom's (OAS `paths./data_attributes.post` examples).
 */
export function createDataAttribute (ctx: DomainContext, input: DataAttributeDefinition, models: readonly DataAttributeModel[] = ['contact', 'company']): DataAttribute {
  const model = models.find(m => m === input.model)
  if (model === undefined) throw errors.parameterInvalid(`The Data Attribute model field must be either ${models.join(' or ')}`)
  const name = input.name?.trim() ?? ''
  if (name === '' || name.length > 190 || !NAME.test(name)) {
    throw errors.parameterInvalid('Your name for this attribute must only contain alphanumeric characters, currency symbols, and hyphens')
  }
  const dataType = input.dataType === undefined ? undefined : DATA_TYPES[input.dataType]
  if (dataType === undefined) throw errors.parameterInvalid("Data Type isn't an option")
  const options = input.dataType === 'options' ? parseOptions(input.options) : null
  return ctx.store.transaction(() => {
    const taken = existingNamed(ctx, model, name)
    if (taken !== null) {
      throw errors.parameterInvalid(`You already have '${name}' in your ${MODEL_LABELS[taken]} data. To save this as new ${MODEL_LABELS[model]} data, use a different name.`)
    }
    // All checks are above this line; below it, only writes.
    const now = ctx.clock.now()
    const record: CustomAttributeRecord = {
      id: ctx.ids.dataAttributeId(),
      model,
      name,
      description: input.description ?? null,
      dataType,
      options,
      messengerWritable: input.messengerWritable ?? false,
      archived: false,
      adminId: ctx.workspace.ownerAdminId,
      createdAt: now,
      updatedAt: now
    }
    ctx.store.dataAttributes.insert(record)
    return toDataAttribute(record)
  })
}

/**
 * `PUT /data_attributes/{id}`: archive or restore, new options, description, messenger_writable.
 * Archiving one a segment filters on is Intercom's 422 `data_invalid`.
 */
export function updateDataAttribute (ctx: DomainContext, id: string, input: { archived?: boolean | undefined, options?: unknown, description?: string | undefined, messengerWritable?: boolean | undefined }): DataAttribute {
  return ctx.store.transaction(() => {
    const record = /^\d{1,9}$/.test(id) ? ctx.store.dataAttributes.findById(Number(id)) : null
    if (record === null) throw errors.dataAttributeNotFound()
    const options = input.options === undefined ? record.options : parseOptions(input.options)
    if (input.archived === true && !record.archived && record.model === 'contact' && segmentsUsing(ctx, record.name)) {
      throw errors.dataInvalid('The Data Attribute you are trying to archive has a dependant object')
    }
    const updated: CustomAttributeRecord = {
      ...record,
      options,
      archived: input.archived ?? record.archived,
      description: input.description ?? record.description,
      messengerWritable: input.messengerWritable ?? record.messengerWritable,
      updatedAt: ctx.clock.now()
    }
    ctx.store.dataAttributes.update(updated)
    return toDataAttribute(updated)
  })
}

/**
 * `current` merged with `changes` once each change passes Intercom's rule: a custom attribute must
 * exist (and not be archived) and the value must be of its type; null unsets any attribute. 1.x
 * calls pass `declare`: 1.x made an attribute on its first write, typed by that value. A workspace
 * whose rules accept undeclared attributes checks only the limits.
 */
export function checkCustomAttributes (
  ctx: DomainContext,
  model: DataAttributeModel,
  current: Record<string, unknown>,
  changes: Record<string, unknown> | undefined,
  declare = false
): Record<string, unknown> {
  const merged = mergeCustomAttributes(current, changes)
  if (changes === undefined || ctx.rules.undeclaredAttributes === 'accept') return merged
  for (const [name, value] of Object.entries(changes)) {
    const attribute = ctx.store.dataAttributes.findByName(model, name)
    if (attribute === null || attribute.archived) {
      if (declare && value !== null && attribute === null) {
        declareAttribute(ctx, model, name, value)
        continue
      }
      throw errors.parameterInvalid(`${model === 'conversation' ? 'Conversation' : 'Custom'} attribute '${name}' does not exist`)
    }
    if (value !== null && !isOfType(value, attribute.dataType)) {
      throw errors.parameterInvalid(`Custom attribute '${name}' is a ${attribute.dataType} attribute: ${JSON.stringify(value)} is not ${TYPE_NAMES[attribute.dataType]}`)
    }
  }
  return merged
}

const TYPE_NAMES: Record<DataAttributeType, string> = {
  string: 'a string', integer: 'an integer', float: 'a number', boolean: 'true or false', date: 'a unix timestamp'
}

function isOfType (value: unknown, type: DataAttributeType): boolean {
  switch (type) {
    case 'string': return typeof value === 'string'
    case 'integer': return Number.isSafeInteger(value)
    case 'float': return typeof value === 'number'
    case 'boolean': return typeof value === 'boolean'
    case 'date': return Number.isSafeInteger(value) && (value as number) >= 0
  }
}

function declareAttribute (ctx: DomainContext, model: DataAttributeModel, name: string, value: unknown): void {
  const dataType: DataAttributeType = typeof value === 'boolean' ? 'boolean'
    : typeof value === 'number' ? (Number.isSafeInteger(value) ? (name.endsWith('_at') ? 'date' : 'integer') : 'float') : 'string'
  const now = ctx.clock.now()
  ctx.store.dataAttributes.insert({
    id: ctx.ids.dataAttributeId(), model, name, description: null, dataType, options: null, messengerWritable: false, archived: false, adminId: null, createdAt: now, updatedAt: now
  })
}

function parseOptions (options: unknown): string[] {
  if (!Array.isArray(options)) throw errors.parameterInvalid("Options isn't an array")
  const values = options.map(o => (typeof o === 'object' && o !== null ? (o as { value?: unknown }).value : o))
  if (!values.every((v): v is string => typeof v === 'string' && v !== '')) throw errors.parameterInvalid('Each option must be {"value": a string}')
  if (values.length < 2) throw errors.parameterInvalid('A list attribute needs at least two options')
  return values
}

/** The model that already has a custom attribute named `name`, or `model` itself when one of its own attributes is. */
function existingNamed (ctx: DomainContext, model: DataAttributeModel, name: string): DataAttributeModel | null {
  if (STANDARD_ATTRIBUTES.some(a => a.model === model && a.name === name)) return model
  return (['contact', 'company', 'conversation'] as const).find(m => ctx.store.dataAttributes.findByName(m, name) !== null) ?? null
}

function segmentsUsing (ctx: DomainContext, name: string): boolean {
  return ctx.store.segments.all().some(s => filterFields(s.filter).some(f => f.field === `custom_attributes.${name}`))
}

function toStandard (a: Standard): DataAttribute {
  return { ...a, id: null, options: null, messengerWritable: false, custom: false, archived: false, adminId: null, createdAt: null, updatedAt: null }
}

function toDataAttribute (record: CustomAttributeRecord): DataAttribute {
  return { ...record, label: record.name, apiWritable: true, custom: true }
}
