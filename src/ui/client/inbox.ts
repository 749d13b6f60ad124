import { get } from './api.js'
import { badge, h, plainText, replaceKeepingFocus, timeElement } from './dom.js'
import { threadView } from './thread.js'
import type { Conversation, InboxItem, Overview, View, WorkspaceContext } from './types.js'

interface InboxFilter { state: string, assignee: string, sort: 'newest' | 'waiting', unreadOnly: boolean }

// Kept across views and live refreshes, as Intercom's inbox keeps its filters.
const filter: InboxFilter = { state: 'open', assignee: 'any', sort: 'newest', unreadOnly: false }

/** The inbox: the conversation list with Intercom's filters and, beside it (below it on a phone), the open thread. */
export function inboxView (ctx: WorkspaceContext, conversationId: string | null): View {
  const list = h('ul', { class: 'conversation-list', 'aria-label': 'Conversations' })
  const counts = h('p', { class: 'muted', role: 'status' })
  const assignee = h('select', { id: 'inbox-assignee', onchange: (e: Event) => { filter.assignee = (e.target as HTMLSelectElement).value; void refresh() } })
  const thread = conversationId === null ? null : threadView(ctx, conversationId)
  const element = h('div', { class: `split${thread === null ? '' : ' has-detail'}` },
    h('section', { class: 'pane list-pane', 'aria-labelledby': 'inbox-title' },
      h('h2', { id: 'inbox-title' }, 'Inbox'),
      h('form', { class: 'filters', onsubmit: (e: Event) => e.preventDefault() },
        selectField('inbox-state', 'State', [['open', 'Open'], ['snoozed', 'Snoozed'], ['closed', 'Closed'], ['all', 'All']], filter.state, v => { filter.state = v; void refresh() }),
        h('label', { for: 'inbox-assignee' }, 'Assignee', assignee),
        selectField('inbox-sort', 'Sort', [['newest', 'Newest first'], ['waiting', 'Waiting longest']], filter.sort, v => { filter.sort = v as InboxFilter['sort']; void refresh() }),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'inbox-unread', checked: filter.unreadOnly, onchange: (e: Event) => { filter.unreadOnly = (e.target as HTMLInputElement).checked; void refresh() } }), 'Unread only')
      ),
      counts,
      list),
    thread === null
      ? h('section', { class: 'pane detail-pane empty', 'aria-label': 'Conversation' }, h('p', { class: 'muted' }, 'Select a conversation to read its thread.'))
      : thread.element)

  async function refresh (): Promise<void> {
    const overview = ctx.overview()
    fillAssignees(assignee, overview)
    const { data } = await get<{ data: InboxItem[] }>(`/w/${ctx.key}/conversations`)
    const shown = sortItems(data.filter(item => matches(item.conversation)), filter.sort)
    counts.textContent = `${shown.length} of ${data.length} conversation${data.length === 1 ? '' : 's'}`
    replaceKeepingFocus(list, 'data-conversation-id', shown.length === 0
      ? [h('li', { class: 'muted empty-row' }, data.length === 0 ? 'No conversations yet: send a message over the API and it appears here.' : 'No conversation matches these filters.')]
      : shown.map(item => row(item, overview, item.conversation.id === conversationId)))
    await thread?.refresh()
  }

  function row (item: InboxItem, overview: Overview, selected: boolean): HTMLElement {
    const c = item.conversation
    const customer = customerName(c)
    const tags = c.tags?.tags ?? []
    return h('li', {},
      h('a', {
        href: `#/w/${ctx.key}/inbox/${c.id}`,
        class: `conversation-row${c.read ? '' : ' unread'}${selected ? ' selected' : ''}`,
        'aria-current': selected ? 'true' : null,
        'data-conversation-id': c.id
      },
      h('span', { class: 'row-top' },
        h('strong', { class: 'customer' }, customer),
        c.read ? null : h('span', { class: 'dot', title: 'Unread' }, h('span', { class: 'sr-only' }, 'unread')),
        timeElement(item.last.created_at, overview.clock.now)),
      h('span', { class: 'excerpt' }, `${item.last.author_type === 'admin' ? `${item.last.author_name ?? 'Admin'}: ` : ''}${plainText(item.last.body) || '(no text)'}`),
      h('span', { class: 'row-meta' },
        badge(c.state, c.state),
        badge(assigneeLabel(c, overview)),
        c.waiting_since !== null && c.state === 'open' ? h('span', { class: 'muted' }, 'waiting ', timeElement(c.waiting_since, overview.clock.now)) : null,
        ...tags.map(t => badge(`#${t.name}`, 'tag')))))
  }

  function matches (c: Conversation): boolean {
    if (filter.state !== 'all' && c.state !== filter.state) return false
    if (filter.unreadOnly && c.read) return false
    const admin = idOrNull(c.admin_assignee_id)
    const team = idOrNull(c.team_assignee_id)
    if (filter.assignee === 'unassigned') return admin === null && team === null
    if (filter.assignee.startsWith('admin:')) return admin === filter.assignee.slice(6)
    if (filter.assignee.startsWith('team:')) return team === filter.assignee.slice(5)
    return true
  }

  return { element, refresh }
}

function sortItems (items: InboxItem[], sort: InboxFilter['sort']): InboxItem[] {
  if (sort === 'waiting') {
    const waiting = (i: InboxItem) => i.conversation.waiting_since ?? Number.MAX_SAFE_INTEGER
    return [...items].sort((a, b) => waiting(a) - waiting(b) || a.last.created_at - b.last.created_at)
  }
  return [...items].sort((a, b) => b.last.created_at - a.last.created_at || Number(b.conversation.id) - Number(a.conversation.id))
}

/** 2.x renders "unassigned" as null before 2.16 and 0 from then on. */
export function idOrNull (id: number | string | null): string | null {
  return id === null || id === 0 || id === '0' ? null : String(id)
}

export function assigneeLabel (c: Conversation, overview: Overview): string {
  const admin = idOrNull(c.admin_assignee_id)
  const team = idOrNull(c.team_assignee_id)
  if (admin !== null) return overview.admins.find(a => a.id === admin)?.name ?? `admin ${admin}`
  if (team !== null) return `team ${overview.teams.find(t => t.id === team)?.name ?? team}`
  return 'unassigned'
}

export function customerName (c: Conversation): string {
  const author = c.source.author
  if (author.type !== 'admin' && author.type !== 'bot') return author.name ?? author.email ?? `${author.type} ${author.id}`
  const first = c.contacts.contacts[0]
  return first === undefined ? '(no customer)' : first.external_id ?? first.id
}

function fillAssignees (select: HTMLSelectElement, overview: Overview): void {
  const options: Array<[string, string]> = [['any', 'Anyone'], ['unassigned', 'Unassigned'],
    ...overview.admins.map(a => [`admin:${a.id}`, a.name] as [string, string]),
    ...overview.teams.map(t => [`team:${t.id}`, `Team ${t.name}`] as [string, string])]
  if (select.options.length === options.length) return
  select.replaceChildren(...options.map(([value, label]) => h('option', { value, selected: value === filter.assignee }, label)))
}

export function selectField (id: string, label: string, options: Array<[string, string]>, value: string, onChange: (value: string) => void): HTMLElement {
  return h('label', { for: id }, label,
    h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))))
}
