// Bundles the UI's front end (src/ui/client/) into dist/ui/assets/: app.js and app.css, served by the
// mock at /__mock/ui. Part of `npm run build`, so the package ships them; nothing loads from a CDN.
import { build } from 'esbuild'

const outdir = new URL('../dist/ui/assets/', import.meta.url).pathname
await build({
  entryPoints: [
    { in: new URL('../src/ui/client/main.ts', import.meta.url).pathname, out: 'app' },
    { in: new URL('../src/ui/client/app.css', import.meta.url).pathname, out: 'app' }
  ],
  bundle: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  minify: true,
  legalComments: 'none',
  outdir,
  logLevel: 'warning'
})
