import type { DataAttribute } from '../../domain/types.js'

/** A 2.x `data_attribute`; what an attribute lacks (an id, for Intercom's own) is left out, as in the examples. */
export interface DataAttributeV2 {
  type: 'data_attribute'
  id?: number
  model: DataAttribute['model']
  name: string
  full_name: string
  label: string
  description?: string
  data_type: DataAttribute['dataType']
  options?: string[]
  api_writable: boolean
  ui_writable: boolean
  messenger_writable: boolean
  custom: boolean
  archived: boolean
  admin_id?: string
  created_at?: number
  updated_at?: number
}

export function presentDataAttributeV2 (a: DataAttribute): DataAttributeV2 {
  const wire: DataAttributeV2 = {
    type: 'data_attribute',
    model: a.model,
    name: a.name,
    full_name: a.custom ? `custom_attributes.${a.name}` : a.name,
    label: a.label,
    data_type: a.dataType,
    api_writable: a.apiWritable,
    ui_writable: false,
    messenger_writable: a.messengerWritable,
    custom: a.custom,
    archived: a.archived
  }
  if (a.id !== null) wire.id = a.id
  if (a.description !== null) wire.description = a.description
  if (a.options !== null) wire.options = a.options
  if (a.adminId !== null) wire.admin_id = a.adminId
  if (a.createdAt !== null) wire.created_at = a.createdAt
  if (a.updatedAt !== null) wire.updated_at = a.updatedAt
  return wire
}

export function presentDataAttributeListV2 (attributes: DataAttribute[]): { type: 'list', data: DataAttributeV2[] } {
  return { type: 'list', data: attributes.map(presentDataAttributeV2) }
}
