/**
 * One control-plane call of a workspace, however it travels (in process or over HTTP): the method,
 * a `/__mock/…` path, and the JSON body or query. Resolves with the parsed answer; an error.list
 * answer rejects.
 */
export type ControlRequest = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options?: { body?: unknown, query?: Record<string, string | number> }
) => Promise<unknown>
