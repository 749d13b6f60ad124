/**
 * Admin and team ids are numeric strings in the model (fixtures enforce up to 15 digits), but several
 * 2.x fields declare them as integers: `admin_assignee_id`, `team_assignee_id`, `team_ids`.
 */
export function integerId (id: string): number {
  const value = Number(id)
  if (!Number.isSafeInteger(value)) throw new Error(`expected a numeric admin or team id, got "${id}"`)
  return value
}
