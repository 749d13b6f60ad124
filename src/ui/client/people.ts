import { get } from './api.js'
import { badge, h, itemLabel, listItems, plainText, pretty, safeHtml, timeElement } from './dom.js'
import { customerName } from './inbox.js'
import type { InboxItem, Person, View, WorkspaceContext } from './types.js'

const search = { text: '', role: 'all' }

// Fields shown in the header or as lists, not in the attributes table.
const SKIPPED = new Set(['type', 'custom_attributes', 'location', 'social_profiles'])

/** Users, leads and visitors: a searchable list, and a person's attributes, lists (tags, companies, notes…) and conversations. */
export function peopleView (ctx: WorkspaceContext, personId: string | null): View {
  const list = h('ul', { class: 'people-list', 'aria-label': 'People' })
  const count = h('p', { class: 'muted', role: 'status' })
  const detail = h('section', { class: 'pane detail-pane', 'aria-labelledby': 'person-title' })
  const searchBox = h('input', {
    type: 'search', id: 'people-search', value: search.text, placeholder: 'Email, name or external id',
    oninput: (e: Event) => { search.text = (e.target as HTMLInputElement).value; void refresh() }
  })
  const element = h('div', { class: `split${personId === null ? '' : ' has-detail'}` },
    h('section', { class: 'pane list-pane', 'aria-labelledby': 'people-title' },
      h('h2', { id: 'people-title' }, 'People'),
      h('form', { class: 'filters', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
        h('label', { for: 'people-search', class: 'wide' }, 'Search', searchBox),
        h('label', { for: 'people-role' }, 'Role',
          h('select', { id: 'people-role', onchange: (e: Event) => { search.role = (e.target as HTMLSelectElement).value; void refresh() } },
            [['all', 'Everyone'], ['user', 'Users'], ['lead', 'Leads'], ['visitor', 'Visitors']].map(([v, label]) => h('option', { value: v, selected: v === search.role }, label ?? ''))))),
      count, list),
    personId === null ? h('section', { class: 'pane detail-pane empty' }, h('p', { class: 'muted' }, 'Select a person.')) : detail)

  async function refresh (): Promise<void> {
    const [{ data }, inbox, state] = await Promise.all([
      get<{ data: Person[] }>(`/w/${ctx.key}/people`),
      personId === null ? Promise.resolve(null) : get<{ data: InboxItem[] }>(`/w/${ctx.key}/conversations`),
      personId === null ? Promise.resolve(null) : get<WorkspaceState>(`/w/${ctx.key}/control/state`)
    ])
    const needle = search.text.trim().toLowerCase()
    const shown = data.filter(p => (search.role === 'all' || p.role === search.role) &&
      (needle === '' || [p.email, p.name, p.external_id, p.id].some(v => typeof v === 'string' && v.toLowerCase().includes(needle))))
    count.textContent = `${shown.length} of ${data.length} people`
    list.replaceChildren(...shown.map(p => h('li', {},
      h('a', { href: `#/w/${ctx.key}/people/${p.id}`, class: `person-row${p.id === personId ? ' selected' : ''}`, 'aria-current': p.id === personId ? 'true' : null },
        h('strong', {}, displayName(p)),
        ' ', badge(p.role, p.role), p.deleted_at === null ? null : badge('deleted', 'closed'),
        h('span', { class: 'muted block' }, [p.email, p.external_id === null ? null : `external id ${p.external_id}`].filter(Boolean).join(' · '))))))
    if (personId !== null) renderPerson(data.find(p => p.id === personId) ?? null, inbox?.data ?? [], state)
  }

  function renderPerson (person: Person | null, conversations: InboxItem[], state: WorkspaceState | null): void {
    if (person === null) { detail.replaceChildren(h('h2', { id: 'person-title' }, 'Not found'), h('p', {}, 'No such person in this workspace.')); return }
    const linked = state === null ? [] : linkedResources(person.id, state, id => ctx.overview().admins.find(a => a.id === id)?.name ?? `Admin ${id}`)
    const shownByState = new Set(linked.map(([key]) => key))
    const attributes = Object.entries(person).filter(([key, value]) => !SKIPPED.has(key) && listItems(value) === null && (value === null || typeof value !== 'object'))
    const lists = Object.entries(person).filter(([key, value]) => !SKIPPED.has(key) && !shownByState.has(key) && listItems(value) !== null)
    const theirs = conversations.filter(item => item.conversation.contacts.contacts.some(c => c.id === person.id))
    detail.replaceChildren(
      h('a', { class: 'back', href: `#/w/${ctx.key}/people` }, '← All people'),
      h('h2', { id: 'person-title' }, displayName(person)),
      h('h3', {}, 'Attributes'),
      table(attributes.filter(([, value]) => value !== null && value !== '').map(([key, value]) => [key, key.endsWith('_at') && typeof value === 'number' ? timeElement(value) : String(value)])),
      h('details', {}, h('summary', {}, 'Empty attributes'),
        h('p', { class: 'muted' }, attributes.filter(([, value]) => value === null || value === '').map(([key]) => key).join(', ') || 'None')),
      h('h3', {}, 'Custom attributes'),
      Object.keys(person.custom_attributes ?? {}).length === 0 ? h('p', { class: 'muted' }, 'None')
        : table(Object.entries(person.custom_attributes ?? {}).map(([key, value]) => [key, pretty(value)])),
      ...lists.map(([key, value]) => {
        const items = listItems(value) ?? []
        return h('div', {}, h('h3', {}, key.replaceAll('_', ' ')), items.length === 0 ? h('p', { class: 'muted' }, 'None')
          : h('ul', { class: 'chips' }, items.map(item => h('li', {}, badge(itemLabel(item), 'tag')))))
      }),
      ...linked.map(([key, items]) => h('div', {}, h('h3', {}, key.replaceAll('_', ' ')),
        items.length === 0 ? h('p', { class: 'muted' }, 'None') : h('ul', { class: key === 'tags' || key === 'companies' ? 'chips' : 'entries' }, items))),
      h('h3', {}, 'Conversations'),
      theirs.length === 0 ? h('p', { class: 'muted' }, 'None')
        : h('ul', {}, theirs.map(item => h('li', {}, h('a', { href: `#/w/${ctx.key}/inbox/${item.conversation.id}` },
          `#${item.conversation.id} ${customerName(item.conversation)}: ${plainText(item.last.body).slice(0, 80)}`), ' ', badge(item.conversation.state, item.conversation.state)))))
  }

  return { element, refresh }
}

/** What the state dump (`GET /__mock/state`) holds of a workspace's people and what links to them; each list only once it exists. */
interface WorkspaceState {
  users?: StatePerson[]
  leads?: StatePerson[]
  visitors?: StatePerson[]
  companies?: Array<{ company_id: string, name?: string }>
  notes?: Array<{ id?: string, contact_id: string, admin_id?: string, body: string, created_at?: number }>
  data_events?: Array<{ contact_id: string, event_name: string, created_at?: number, metadata?: Record<string, unknown> }>
  tags?: unknown[]
}

interface StatePerson {
  id?: string
  tags?: Array<string | { name: string }>
  companies?: Array<string | { company_id: string }>
}

/**
 * A person's tags, companies, notes and data events with their names and bodies, read from the state
 * dump (the 2.x contact only links them by id), each as [section name, rendered items]. Sections the
 * mock does not have yet are left out.
 */
function linkedResources (contactId: string, state: WorkspaceState, adminName: (id: string) => string): Array<[string, HTMLElement[]]> {
  const person = [...(state.users ?? []), ...(state.leads ?? []), ...(state.visitors ?? [])].find(p => p.id === contactId)
  const sections: Array<[string, HTMLElement[]]> = []
  if (state.tags !== undefined) {
    sections.push(['tags', (person?.tags ?? []).map(t => h('li', {}, badge(`#${typeof t === 'string' ? t : t.name}`, 'tag')))])
  }
  if (state.companies !== undefined) {
    sections.push(['companies', (person?.companies ?? []).map(c => {
      const id = typeof c === 'string' ? c : c.company_id
      return h('li', {}, badge(state.companies?.find(company => company.company_id === id)?.name ?? id, 'tag'))
    })])
  }
  if (state.notes !== undefined) {
    sections.push(['notes', state.notes.filter(n => n.contact_id === contactId).map(n => h('li', { class: 'message note' },
      h('div', { class: 'message-head' }, h('strong', {}, n.admin_id === undefined ? 'Note' : adminName(n.admin_id)), timeElement(n.created_at)),
      h('div', { class: 'message-body' }, safeHtml(n.body))))])
  }
  if (state.data_events !== undefined) {
    sections.push(['events', state.data_events.filter(e => e.contact_id === contactId).map(e => h('li', {},
      h('strong', {}, e.event_name), ' ', timeElement(e.created_at),
      e.metadata === undefined || Object.keys(e.metadata).length === 0 ? null : h('pre', { class: 'code' }, pretty(e.metadata))))])
  }
  return sections
}

function displayName (p: Person): string {
  return [p.name, p.email, p.external_id, p.id].find((v): v is string => typeof v === 'string' && v !== '') ?? p.id
}

export function table (rows: Array<[string, string | Node]>): HTMLElement {
  return h('table', { class: 'attributes' }, h('tbody', {}, rows.map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, key), h('td', {}, value)))))
}
