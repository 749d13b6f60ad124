import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { Test } from 'tap'

/**
 * Headless Chromium for the UI's tests: Debian's (`apt-get install chromium`; .ci/run installs it),
 * or CHROMIUM. Nothing downloads a browser. Without one the tests skip, except in CI, where they fail.
 */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'

export function browserMissing (): string | false {
  if (existsSync(CHROMIUM)) return false
  if (process.env.CI !== undefined && process.env.CI !== '') throw new Error(`No Chromium at ${CHROMIUM}: .ci/run installs it with apt-get`)
  return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`
}

let shared: Promise<Browser> | null = null

/** One browser per test file, closed when the file's tests end. */
export async function browser (t: Test): Promise<Browser> {
  if (shared === null) {
    shared = chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    const root = t as Test & { parent?: Test }
    let top: Test = root
    while ((top as Test & { parent?: Test }).parent != null) top = (top as Test & { parent: Test }).parent
    top.teardown(async () => { await (await shared)?.close(); shared = null })
  }
  return await shared
}

const ARTIFACTS = new URL('../artifacts/', import.meta.url)

/**
 * A fresh page for the test (desktop size unless told), with a screenshot under test/artifacts/ if
 * the test fails, and the page's console errors reported as failures.
 */
export async function openPage (t: Test, options: { width?: number, height?: number, colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await (await browser(t)).newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    colorScheme: options.colorScheme ?? 'light'
  })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  page.on('pageerror', error => { t.fail(`page error: ${error.message}`) })
  t.teardown(async () => {
    if (!t.passing()) {
      await mkdir(ARTIFACTS, { recursive: true })
      const name = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80)
      await page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname, fullPage: true }).catch(() => {})
    }
    await context.close()
  })
  return page
}
