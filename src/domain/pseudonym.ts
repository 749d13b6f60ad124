const COLOURS = ['Lime', 'Azure', 'Coral', 'Amber', 'Teal', 'Crimson', 'Ivory', 'Indigo', 'Olive', 'Violet', 'Silver', 'Rose']
const ANIMALS = ['Camel', 'Heron', 'Otter', 'Falcon', 'Badger', 'Lynx', 'Walrus', 'Gecko', 'Bison', 'Puffin', 'Marten', 'Ibis']
const CITIES = ['Dublin', 'London', 'Chicago', 'Sydney', 'Berlin', 'Lisbon', 'Toronto', 'Osaka']

/**
 * The name Intercom gives an anonymous lead or visitor, e.g. "Lime Camel from Dublin"
 * (../shared/reference/intercom-api.md §3.2). Derived from the contact id, so it is stable.
 */
export function pseudonymFor (contactId: string): string {
  let hash = 0
  for (const char of contactId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  const colour = COLOURS[hash % COLOURS.length]
  const animal = ANIMALS[Math.floor(hash / COLOURS.length) % ANIMALS.length]
  const city = CITIES[Math.floor(hash / (COLOURS.length * ANIMALS.length)) % CITIES.length]
  return `${colour} ${animal} from ${city}`
}
