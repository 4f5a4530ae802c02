// A readable diff of an audit event's before and after (JSON snapshots of the entity).

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function show(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/**
 * The fields whose value differs between `before` and `after`, in the order they first
 * appear. A created entity has no `before` (every field is new); a deleted one no `after`.
 * Non-object snapshots are compared as one value.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isRecord(before) && !isRecord(after)) {
    const [b, a] = [show(before), show(after)];
    return b === a ? [] : [{ field: "", before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return fields
    .map((field) => ({ field, before: show(b[field]), after: show(a[field]) }))
    .filter((change) => change.before !== change.after);
}
