/**
 * A package-lock.json for a scratch consumer project, cut from this repository's own lockfile, so that
 * `npm ci --offline` there installs exactly the versions this repository's `npm ci` already fetched (the
 * npm cache holds them) and never asks the registry.
 */

interface LockEntry {
  name?: string
  version?: string
  resolved?: string
  integrity?: string
  dev?: boolean
  optional?: boolean
  devOptional?: boolean
  peer?: boolean
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
  [field: string]: unknown
}

export interface Lockfile {
  name: string
  version: string
  lockfileVersion: number
  requires: boolean
  packages: Record<string, LockEntry>
}

/** A dependency of the consumer: its name there, and where this repository's lockfile has it (an npm alias may differ). */
export interface ConsumerDependency {
  name: string
  from: string
  dev: boolean
}

export interface ConsumerLock {
  name: string
  /** The packed tarball, as the consumer's package.json names it (`file:…`), its manifest and integrity. */
  tarball: { spec: string, manifest: { name: string, version: string, dependencies?: Record<string, string>, bin?: Record<string, string>, engines?: Record<string, string> }, integrity: string }
  dependencies: ConsumerDependency[]
}

/** The lockfile of the consumer: the tarball, and every package its dependencies reach, at this repository's versions. */
export function consumerLockfile (repo: Lockfile, consumer: ConsumerLock): Lockfile {
  const packed = consumer.tarball.manifest
  const prodRoots = Object.keys(packed.dependencies ?? {}).map(name => ({ name, from: name }))
  const devRoots = consumer.dependencies.filter(d => d.dev)
  const prod = reach(repo, prodRoots.map(r => `node_modules/${r.from}`))
  const dev = reach(repo, devRoots.map(r => `node_modules/${r.from}`))
  const renames = new Map(consumer.dependencies.filter(d => d.from !== d.name).map(d => [`node_modules/${d.from}`, `node_modules/${d.name}`]))

  const packages: Record<string, LockEntry> = {
    '': {
      name: consumer.name,
      version: '1.0.0',
      dependencies: { [packed.name]: consumer.tarball.spec, ...Object.fromEntries(consumer.dependencies.filter(d => !d.dev).map(d => [d.name, versionOf(repo, d.from)])) },
      devDependencies: Object.fromEntries(devRoots.map(d => [d.name, versionOf(repo, d.from)]))
    },
    [`node_modules/${packed.name}`]: {
      version: packed.version,
      resolved: consumer.tarball.spec,
      integrity: consumer.tarball.integrity,
      ...(packed.dependencies === undefined ? {} : { dependencies: packed.dependencies }),
      ...(packed.bin === undefined ? {} : { bin: packed.bin }),
      ...(packed.engines === undefined ? {} : { engines: packed.engines })
    }
  }
  for (const path of [...new Set([...prod, ...dev])].sort()) {
    const entry: LockEntry = { ...repo.packages[path] }
    delete entry.dev
    delete entry.devOptional
    delete entry.peer
    if (!prod.has(path)) entry.dev = true
    const renamed = [...renames].find(([from]) => path === from || path.startsWith(`${from}/`))
    if (renamed === undefined) {
      packages[path] = entry
    } else {
      if (path === renamed[0]) delete entry.name
      packages[renamed[1] + path.slice(renamed[0].length)] = entry
    }
  }
  return { name: consumer.name, version: '1.0.0', lockfileVersion: 3, requires: true, packages }
}

function versionOf (repo: Lockfile, path: string): string {
  const version = repo.packages[`node_modules/${path}`]?.version
  if (version === undefined) throw new Error(`node_modules/${path} is not in this repository's lockfile`)
  return version
}

/** Every lockfile path reached from these, following each dependency as Node resolves it (nearest node_modules first). */
function reach (repo: Lockfile, roots: string[]): Set<string> {
  const reached = new Set<string>()
  const pending = [...roots]
  while (pending.length > 0) {
    const path = pending.pop() as string
    if (reached.has(path)) continue
    const entry = repo.packages[path]
    if (entry === undefined) throw new Error(`${path} is not in this repository's lockfile`)
    reached.add(path)
    const optionalPeers = new Set(Object.entries(entry.peerDependenciesMeta ?? {}).filter(([, meta]) => meta.optional === true).map(([name]) => name))
    const names = [
      ...Object.keys(entry.dependencies ?? {}),
      ...Object.keys(entry.optionalDependencies ?? {}),
      ...Object.keys(entry.peerDependencies ?? {}).filter(name => !optionalPeers.has(name))
    ]
    for (const name of names) {
      const found = resolveFrom(repo, path, name)
      if (found !== undefined) pending.push(found)
      else if (entry.optionalDependencies?.[name] === undefined) throw new Error(`${path} needs ${name}, which this repository's lockfile does not have`)
    }
  }
  return reached
}

function resolveFrom (repo: Lockfile, from: string, name: string): string | undefined {
  const parts = from.split('/node_modules/')
  for (let depth = parts.length; depth >= 1; depth--) {
    const candidate = `${parts.slice(0, depth).join('/node_modules/')}/node_modules/${name}`
    if (repo.packages[candidate] !== undefined) return candidate
  }
  return repo.packages[`node_modules/${name}`] === undefined ? undefined : `node_modules/${name}`
}
