import { readFileSync } from 'node:fs'
import { packageFile } from '../package-files.js'

/** The front end esbuild bundled at build time (scripts/build-ui.mjs), read once. */
const ASSETS = packageFile('dist/ui/assets/')

export const ASSET_TYPES = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8'
} as const

export type AssetName = keyof typeof ASSET_TYPES

const cache = new Map<AssetName, Buffer>()

/** The built asset, or null when the UI was not built (`npm run build`). */
export function asset (name: AssetName): Buffer | null {
  const cached = cache.get(name)
  if (cached !== undefined) return cached
  try {
    const content = readFileSync(new URL(name, ASSETS))
    cache.set(name, content)
    return content
  } catch {
    return null
  }
}

/** The one page of the UI; the script renders every view into it. */
export function indexPage (): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>intercom-mock</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/__mock/ui/assets/app.css">
<script type="module" src="/__mock/ui/assets/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<div id="app" aria-live="polite"><noscript>The intercom-mock UI needs JavaScript.</noscript></div>
</body>
</html>
`
}
