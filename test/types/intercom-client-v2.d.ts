/**
 * The few types the tests need of intercom-client 2.11.2, which ships none. Every method returns a
 * Bluebird promise of the `request` response; the parsed JSON is its `body`.
 */
declare module 'intercom-client-v2' {
  export interface SdkResponse<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    statusCode: number
    body: T
  }
  type Call = (params?: Record<string, unknown>) => Promise<SdkResponse>
  export class Client {
    constructor (options: { token: string })
    useRequestOpts (options: Record<string, unknown>): this
    nextPage (pages: { next: string | null }): Promise<SdkResponse>
    users: { create: Call, find: Call, listBy: Call, archive: Call }
    leads: { create: Call, find: Call, listBy: Call, convert: Call, update: Call, delete: Call }
    visitors: { find: Call, convert: Call }
    messages: { create: Call }
    conversations: { list: Call, find: Call, reply: Call, markAsRead: Call }
    admins: { list: Call, find: Call, me: Call }
    tags: { create: Call, tag: Call, untag: Call, delete: Call, list: () => Promise<SdkResponse> }
    notes: { create: Call, list: Call, find: Call }
    events: { create: Call, listBy: Call }
    companies: { create: Call, find: Call, listBy: Call, listUsers: Call }
  }
}
