import type { Admin, App } from '../domain/types.js'

/** `GET /me`: the same in every version. */
export interface MeWire {
  type: 'admin'
  id: string
  email: string
  name: string
  email_verified: boolean
  app: {
    type: 'app'
    id_code: string
    name: string
    created_at: number
    secure: boolean
    identity_verification: boolean
    timezone: string
    region: string
  }
  avatar: { type: 'avatar', image_url: string | null }
  has_inbox_seat: boolean
}

export function presentMe ({ admin, app }: { admin: Admin, app: App }): MeWire {
  return {
    type: 'admin',
    id: admin.id,
    email: admin.email,
    name: admin.name,
    email_verified: true,
    app: {
      type: 'app',
      id_code: app.idCode,
      name: app.name,
      created_at: app.createdAt,
      secure: false,
      identity_verification: false,
      timezone: app.timezone,
      region: app.region
    },
    avatar: { type: 'avatar', image_url: admin.avatarUrl },
    has_inbox_seat: admin.hasInboxSeat
  }
}
