/**
 * One control-plane call on behalf of one workspace (the handle's token): method, a /__mock path,
 * an optional JSON body and query; resolves to the parsed JSON answer, rejects on an error.list.
 * In-process handles and `connectIntercomMock(url)` each provide one; the resource clients
 * (faults, rate limit, …) are built over it.
 */
export type ControlRequest = (
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options?: { body?: unknown, query?: Record<string, string | number> }
) => Promise<unknown>
