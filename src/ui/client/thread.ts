import { call, get } from './api.js'
import { badge, h, safeHtml, timeElement } from './dom.js'
import { assigneeLabel, customerName } from './inbox.js'
import type { Attachment, Author, Conversation, Overview, Part, View, WorkspaceContext } from './types.js'

const EVENT_TEXT: Record<string, string> = {
  assignment: 'assigned the conversation',
  assign_and_reopen: 'assigned and reopened the conversation',
  default_assignment: 'assigned the conversation',
  away_mode_assignment: 'reassigned the conversation (away mode)',
  close: 'closed the conversation',
  open: 'reopened the conversation',
  snoozed: 'snoozed the conversation',
  unsnoozed: 'unsnoozed the conversation',
  timer_unsnooze: 'The snooze timer woke the conversation',
  participant_added: 'added a participant',
  participant_removed: 'removed a participant',
  conversation_attribute_updated_by_admin: 'updated an attribute'
}

/** A conversation as a thread: messages, notes set apart, events, attachments; and what an admin or the customer can do. */
export function threadView (ctx: WorkspaceContext, id: string): View {
  const header = h('header', { class: 'thread-header' })
  const parts = h('ol', { class: 'thread', 'aria-label': 'Messages and events' })
  const actingAdmin = h('select', { id: 'acting-admin' })
  const author = h('select', { id: 'reply-as' })
  const text = h('textarea', { id: 'reply-body', rows: 3, required: true, placeholder: 'Write a reply…' })
  const assignTo = h('select', { id: 'assign-to' })
  const snoozeFor = h('select', { id: 'snooze-for' },
    ...([['3600', '1 hour'], ['14400', '4 hours'], ['86400', '1 day'], ['604800', '1 week']] as const).map(([v, label]) => h('option', { value: v }, label)))
  let conversation: Conversation | null = null

  const act = async (body: Record<string, unknown>, done?: () => void): Promise<void> => {
    try {
      await call('POST', `/w/${ctx.key}/conversations/${id}/actions`, body)
      done?.()
      ctx.notify(`Done: ${String(body.action).replace('_', ' ')}`, 'ok')
      await refresh()
    } catch (error) {
      ctx.notify((error as Error).message, 'error')
    }
  }
  const admin = (): string => actingAdmin.value

  const composer = h('form', {
    class: 'composer',
    'aria-label': 'Reply',
    onsubmit: (e: Event) => {
      e.preventDefault()
      const [kind, who] = author.value.split(':') as [string, string]
      const body = kind === 'customer' ? { action: 'customer_reply', contact_id: who, body: text.value }
        : { action: kind === 'note' ? 'note' : 'reply', admin_id: admin(), body: text.value }
      void act(body, () => { text.value = '' })
    }
  },
  h('label', { for: 'reply-as' }, 'Write as', author),
  h('label', { for: 'reply-body', class: 'wide' }, 'Message', text),
  h('button', { type: 'submit' }, 'Send'))

  const actions = h('form', { class: 'thread-actions', 'aria-label': 'Conversation actions', onsubmit: (e: Event) => e.preventDefault() },
    h('label', { for: 'acting-admin' }, 'Acting admin', actingAdmin),
    h('span', { class: 'group' },
      h('label', { for: 'assign-to' }, 'Assign to', assignTo),
      h('button', {
        type: 'button',
        onclick: () => {
          const [type, assignee] = assignTo.value.split(':') as [string, string]
          void act({ action: 'assign', admin_id: admin(), assignee_id: assignee, assignee_type: type })
        }
      }, 'Assign')),
    h('span', { class: 'group' },
      h('label', { for: 'snooze-for' }, 'Snooze for', snoozeFor),
      h('button', { type: 'button', onclick: () => { void act({ action: 'snooze', admin_id: admin(), snoozed_until: ctx.overview().clock.now + Number(snoozeFor.value) }) } }, 'Snooze')),
    h('button', { type: 'button', id: 'close-conversation', onclick: () => { void act({ action: 'close', admin_id: admin() }) } }, 'Close'),
    h('button', { type: 'button', id: 'open-conversation', onclick: () => { void act({ action: 'open', admin_id: admin() }) } }, 'Open'))

  const element = h('section', { class: 'pane detail-pane', 'aria-labelledby': 'thread-title' },
    h('a', { class: 'back', href: `#/w/${ctx.key}/inbox` }, '← All conversations'),
    header, parts, composer, actions)

  async function refresh (): Promise<void> {
    const overview = ctx.overview()
    try {
      conversation = await get<Conversation>(`/w/${ctx.key}/conversations/${id}`)
    } catch (error) {
      header.replaceChildren(h('h2', { id: 'thread-title' }, `Conversation ${id}`), h('p', { class: 'error' }, (error as Error).message))
      parts.replaceChildren()
      return
    }
    const c = conversation
    fillPeople(overview, c)
    header.replaceChildren(
      h('h2', { id: 'thread-title' }, titleOf(c)),
      h('p', { class: 'row-meta' },
        badge(c.state, c.state), badge(assigneeLabel(c, overview)), c.read ? badge('read') : badge('unread', 'unread-badge'),
        h('span', { class: 'muted' }, `#${c.id} · started `, timeElement(c.created_at)),
        c.snoozed_until === null ? null : h('span', { class: 'muted' }, ' · snoozed until ', timeElement(c.snoozed_until)),
        ...(c.tags?.tags ?? []).map(t => badge(`#${t.name}`, 'tag'))))
    const items = [sourceItem(c), ...(c.conversation_parts?.conversation_parts ?? []).map(p => partItem(p, overview))]
    parts.replaceChildren(...items)
  }

  function fillPeople (overview: Overview, c: Conversation): void {
    const keep = (select: HTMLSelectElement) => select.value
    const [acting, as, assign] = [keep(actingAdmin), keep(author), keep(assignTo)]
    actingAdmin.replaceChildren(...overview.admins.map(a => h('option', { value: a.id, selected: a.id === acting }, a.name)))
    const customers = c.contacts.contacts.map(contact => [`customer:${contact.id}`, `Customer ${contact.external_id ?? contact.id}`] as const)
    author.replaceChildren(
      h('option', { value: 'admin:', selected: as === 'admin:' }, 'Admin reply'),
      h('option', { value: 'note:', selected: as === 'note:' }, 'Admin note (internal)'),
      ...customers.map(([value, label]) => h('option', { value, selected: value === as }, label)))
    assignTo.replaceChildren(
      ...overview.admins.map(a => h('option', { value: `admin:${a.id}`, selected: `admin:${a.id}` === assign }, a.name)),
      ...overview.teams.map(t => h('option', { value: `team:${t.id}`, selected: `team:${t.id}` === assign }, `Team ${t.name}`)))
  }

  return { element, refresh }
}

function sourceItem (c: Conversation): HTMLElement {
  return message({ author: c.source.author, body: c.source.body, created_at: c.created_at, attachments: c.source.attachments ?? [], redacted: c.source.redacted === true, kind: 'comment', subject: c.source.subject })
}

function partItem (p: Part, overview: Overview): HTMLElement {
  if (p.part_type === 'comment' || p.part_type === 'note' || (p.body !== null && p.body !== '' && !(p.part_type in EVENT_TEXT))) {
    return message({ author: p.author, body: p.body ?? '', created_at: p.created_at, attachments: p.attachments ?? [], redacted: p.redacted === true, kind: p.part_type.startsWith('note') ? 'note' : 'comment', partType: p.part_type })
  }
  const who = p.part_type === 'timer_unsnooze' ? '' : `${authorName(p.author)} `
  const to = p.assigned_to === null ? '' : ` to ${p.assigned_to.type === 'team' ? `team ${overview.teams.find(t => t.id === p.assigned_to?.id)?.name ?? p.assigned_to.id}` : overview.admins.find(a => a.id === p.assigned_to?.id)?.name ?? p.assigned_to.id}`
  return h('li', { class: 'event', 'data-part-type': p.part_type },
    h('span', {}, `${who}${EVENT_TEXT[p.part_type] ?? p.part_type.replaceAll('_', ' ')}${to}`),
    p.body === null || p.body === '' ? null : h('span', { class: 'event-body' }, ' — ', safeHtml(p.body)),
    ' · ', timeElement(p.created_at))
}

interface MessageFields {
  author: Author
  body: string
  created_at: number
  attachments: Attachment[]
  redacted: boolean
  kind: 'comment' | 'note'
  subject?: string
  partType?: string
}

function message (m: MessageFields): HTMLElement {
  const side = m.author.type === 'admin' || m.author.type === 'bot' ? 'from-admin' : 'from-customer'
  return h('li', { class: `message ${side} ${m.kind}`, 'data-part-type': m.partType ?? 'source' },
    h('div', { class: 'message-head' },
      h('strong', {}, authorName(m.author)),
      m.kind === 'note' ? badge('note', 'note-badge') : null,
      m.redacted ? badge('redacted', 'redacted') : null,
      timeElement(m.created_at)),
    m.subject === undefined || m.subject === '' ? null : h('p', { class: 'subject' }, m.subject),
    h('div', { class: 'message-body' }, m.redacted && m.body === '' ? h('em', {}, 'This part was redacted') : safeHtml(m.body)),
    m.attachments.length === 0 ? null : h('ul', { class: 'attachments', 'aria-label': 'Attachments' },
      m.attachments.map(a => h('li', {}, a.url !== undefined && /^https?:/.test(a.url) ? h('a', { href: a.url, rel: 'noreferrer noopener', target: '_blank' }, a.name ?? a.url) : (a.name ?? 'attachment'),
        a.content_type === undefined ? null : h('span', { class: 'muted' }, ` (${a.content_type}${a.filesize === undefined ? '' : `, ${a.filesize} bytes`})`)))))
}

function titleOf (c: Conversation): string {
  const subject = c.title ?? c.source.subject
  return subject !== null && subject !== '' ? subject : `Conversation with ${customerName(c)}`
}

function authorName (a: Author): string {
  return a.name ?? a.email ?? `${a.type} ${a.id}`
}
