import { randomBytes } from 'node:crypto'
import type { DomainContext } from './context.js'
import { errors } from './errors.js'
import { imageSize } from './image-size.js'
import type { Attachment } from './types.js'

/** A file sent inline (2.x `attachment_files`): base64 `data`, with its name and content type. */
export interface AttachmentFileInput {
  name: string
  contentType: string
  data: string
}

/** What a message or part may carry: URLs Intercom fetches, and (2.x) files sent inline. */
export interface AttachmentsInput {
  urls?: string[] | undefined
  files?: AttachmentFileInput[] | undefined
}

export interface AttachmentLimits {
  /** URLs: 1.x 5 a reply (intercom-api.md §2.4), 2.x 10 (`maxItems: 10`). */
  maxUrls: number
  /** 2.x `attachment_files`: "You can include up to 10 files". */
  maxFiles: number
}

/** The largest file the mock keeps, decoded (its choice: Intercom documents none for the API). */
export const MAX_ATTACHMENT_FILE_BYTES = 10 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', pdf: 'application/pdf', txt: 'text/plain'
}

/**
 * What the mock can tell of an attachment from its URL alone: its file name and, by extension, its
 * content type. Intercom fetches and stores the file; the mock does not fetch, so sizes are unknown.
 */
export function urlAttachment (url: string): Attachment {
  const name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'attachment'
  const extension = name.includes('.') ? name.split('.').pop()?.toLowerCase() ?? '' : ''
  return { url, name, contentType: CONTENT_TYPES[extension] ?? 'application/octet-stream', filesize: null, width: null, height: null }
}

/** Checks attachments against the version's limits, and decodes the files; nothing is written. */
export function checkAttachments (input: AttachmentsInput, limits: AttachmentLimits): DecodedFile[] {
  const urls = input.urls ?? []
  if (urls.length > limits.maxUrls) throw errors.parameterInvalid(`attachment_urls can hold at most ${limits.maxUrls} URLs`, 'attachment_urls')
  for (const url of urls) {
    if (!/^https?:\/\/[^\s/]+/i.test(url) || !URL.canParse(url)) throw errors.parameterInvalid(`attachment_urls must be http or https URLs, not ${url}`, 'attachment_urls')
  }
  const files = input.files ?? []
  if (files.length > limits.maxFiles) throw errors.parameterInvalid(`attachment_files can hold at most ${limits.maxFiles} files`, 'attachment_files')
  return files.map(file => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(file.data.replace(/\s/g, ''))) throw errors.parameterInvalid(`attachment_files data of ${file.name} is not base64`, 'attachment_files')
    const data = Buffer.from(file.data, 'base64')
    if (data.length === 0) throw errors.parameterInvalid(`attachment_files data of ${file.name} is empty`, 'attachment_files')
    if (data.length > MAX_ATTACHMENT_FILE_BYTES) {
      throw errors.parameterInvalid(`attachment_files ${file.name} is larger than ${MAX_ATTACHMENT_FILE_BYTES} bytes`, 'attachment_files')
    }
    return { name: file.name, contentType: file.contentType, data }
  })
}

export interface DecodedFile {
  name: string
  contentType: string
  data: Buffer
}

/**
 * Stores decoded files for a message or part and answers them as attachments, each at a URL on the
 * mock's own `origin` (`/__mock/attachments/{key}/{name}`, no auth, as Intercom's upload URLs are
 * public). Call inside the transaction that writes the owner.
 */
export function saveAttachmentFiles (
  ctx: DomainContext,
  owner: { conversationId: string, type: 'message' | 'part', id: string },
  files: readonly DecodedFile[],
  origin: string
): void {
  files.forEach((file, position) => {
    // Random, not from the workspace's seeded ids: the key is the URL's only secret, and keys are
    // unique across workspaces (two started from the same seed would otherwise share them).
    const key = randomBytes(16).toString('hex')
    const size = imageSize(file.data)
    ctx.store.attachmentFiles.insert({
      key,
      conversationId: owner.conversationId,
      ownerType: owner.type,
      ownerId: owner.id,
      position,
      url: `${origin}${ATTACHMENT_PATH}/${key}/${encodeURIComponent(file.name)}`,
      name: file.name,
      contentType: file.contentType,
      filesize: file.data.length,
      width: size?.width ?? null,
      height: size?.height ?? null
    }, file.data)
  })
}

/** Where stored files are served (routes/attachments.ts). */
export const ATTACHMENT_PATH = '/__mock/attachments'
