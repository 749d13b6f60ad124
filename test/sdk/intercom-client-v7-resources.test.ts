import t from 'tap'
import { IntercomClient, IntercomError } from 'intercom-client-v7'
import { FIXTURE, listen } from '../helper.js'

/**
 * intercom-client 7.0.3 (Intercom-Version 2.14) over a real socket through what a product does around
 * its conversations: tag a user, leave a note, record events, attach a company, declare and set a
 * custom attribute. Every response is also checked against the 2.14 OpenAPI by the helper.
 */
t.test('intercom-client 7.0.3: tags, notes, events, companies and custom attributes', async t => {
  const mock = await listen(t)
  const client = new IntercomClient({ token: 'sdk-v7-resources', baseUrl: mock.url })
  const now = mock.clock.now()
  const user = await client.contacts.create({ role: 'user', external_id: 'sdk7-r', email: 'r@sdk7.example', name: 'SDK7 R' })

  const tag = await client.tags.create({ name: 'Trial' })
  t.match(tag, { type: 'tag', name: 'Trial' })
  t.match(await client.tags.tagContact({ contact_id: user.id, id: tag.id }), { type: 'tag', id: tag.id, name: 'Trial', applied_at: now })
  const tags = await client.contacts.listAttachedTags({ contact_id: user.id })
  t.same(tags.data?.map(x => x.id), [tag.id])
  t.same((await client.tags.list()).data?.map(x => x.name), ['Browncoat', 'VIP', 'Trial'])

  const note = await client.notes.create({ contact_id: user.id, body: 'Asked about pricing', admin_id: FIXTURE.zoe.id })
  t.match(note, { type: 'note', body: '<p>Asked about pricing</p>', author: { id: FIXTURE.zoe.id }, contact: { id: user.id } })
  t.match(await client.notes.find({ note_id: Number(note.id) }), { id: note.id })
  const notes = await client.notes.list({ contact_id: user.id })
  t.same(notes.data.map(n => n.id), [note.id])

  await client.events.create({ event_name: 'signed-up', created_at: now - 60, user_id: 'sdk7-r', metadata: { plan: 'trial' } })
  await client.events.create({ event_name: 'upgraded', created_at: now, id: user.id })
  const summary = await client.events.list({ type: 'user', user_id: 'sdk7-r', summary: true })
  t.same(summary.events?.map(e => [e?.name, e?.count]), [['signed-up', 1], ['upgraded', 1]])
  const unknown = await client.events.create({ event_name: 'x', created_at: now, email: 'nobody@sdk7.example' }).then(() => null, (error: unknown) => error)
  t.ok(unknown instanceof IntercomError)
  t.match(unknown, { statusCode: 404, body: { errors: [{ code: 'not_found', message: 'User Not Found' }] } })

  const company = await client.companies.createOrUpdate({ company_id: 'sdk7-co', name: 'SDK7 Co', plan: 'Pro', monthly_spend: 49 })
  t.match(company, { type: 'company', company_id: 'sdk7-co', name: 'SDK7 Co', plan: { name: 'Pro' }, user_count: 0 })
  t.match(await client.companies.attachContact({ contact_id: user.id, id: company.id }), { id: company.id, user_count: 1 })
  t.match(await client.companies.find({ company_id: company.id }), { id: company.id, user_count: 1 })
  const attached = await client.contacts.listAttachedCompanies({ contact_id: user.id })
  t.same(attached.data.map(c => c.id), [company.id])

  const refused = await client.contacts.update({ contact_id: user.id, custom_attributes: { tier: 'gold' } }).then(() => null, (error: unknown) => error)
  t.match(refused, { statusCode: 400, body: { errors: [{ code: 'parameter_invalid', message: "Custom attribute 'tier' does not exist" }] } })
  // The SDK's request type (generated from the spec's oneOf) leaves out name and model, which it sends all the same.
  const declaration = { name: 'tier', model: 'contact', data_type: 'string' as const }
  t.match(await client.dataAttributes.create(declaration), { type: 'data_attribute', name: 'tier', custom: true })
  const updated = await client.contacts.update({ contact_id: user.id, custom_attributes: { tier: 'gold' } })
  t.match(updated, { custom_attributes: { tier: 'gold' }, tags: { total_count: 1 }, notes: { total_count: 1 }, companies: { total_count: 1 } })
  t.same((await client.teams.list()).teams?.map(team => team.name), ['Serenity crew', 'Engine room'])
  t.same((await client.segments.list()).segments?.map(s => s.name), ['Serenity crew', 'Browncoats'])
  t.equal((await client.subscriptionTypes.list()).data?.length, 2)
})
