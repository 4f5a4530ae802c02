// The equality check: each server's answer turned into comparable row sets.
//
// Answers are compared as Samla's response shape (PostGraphile's rows are first converted
// to it, see workloads.ts; the SQL reference answers in that shape itself). Then:
// - relay global ids (base64 "Type:id") are decoded, so "T2ZmaWNlOmFiYw==" reads "Office:abc";
// - every array becomes a sorted multiset of rows (order is presentation: the API sorts
//   names the Norwegian way, SQL by the database's collation), and arrays inside rows
//   become their own sections, each row prefixed with its parent's id, so a difference in
//   one assignment of one team shows as that assignment, not as the whole team;
// - numbers are rounded to 9 significant digits; cursors (opaque) are left out.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Section path → sorted rows (canonical JSON) or a single scalar's JSON. */
export type Sections = Map<string, string[]>;

const IGNORED_KEYS = new Set(["endCursor", "cursor"]);

/** "Office:abc" for a relay global id, else the string as it is. */
export function decodeGlobalId(value: string): string {
  if (value.length < 8 || value.length > 200 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return value;
  const decoded = Buffer.from(value, "base64").toString("utf8");
  if (!/^[A-Z][A-Za-z]+:[\x21-\x7e]+$/.test(decoded)) return value;
  return Buffer.from(decoded, "utf8").toString("base64") === value ? decoded : value;
}

/** Relay global id as Pothos makes it: base64("Type:id"). */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64");
}

function scalar(value: Json): Json {
  if (typeof value === "number") return Number.isInteger(value) ? value : Number(value.toPrecision(9));
  if (typeof value === "string") return decodeGlobalId(value);
  return value;
}

/** A row without its nested arrays (those become sections), keys sorted, ids decoded. */
function rowOf(value: Json): Json {
  if (value === null || typeof value !== "object") return scalar(value);
  if (Array.isArray(value)) return value.map(rowOf);
  const out: Record<string, Json> = {};
  for (const key of Object.keys(value).sort()) {
    if (IGNORED_KEYS.has(key)) continue;
    const child = value[key]!;
    if (Array.isArray(child) && child.some((item) => item !== null && typeof item === "object")) continue;
    out[key] = Array.isArray(child) ? child.map(scalar).sort(compareJson) : rowOf(child);
  }
  return out;
}

function compareJson(a: Json, b: Json): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function idOf(value: Json): string {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of ["id", "officeId", "practiceId", "key", "stageKey", "period"]) {
      const id = value[key];
      if (typeof id === "string") return decodeGlobalId(id);
    }
  }
  return "";
}

/** Splits an answer into sections of comparable rows (see the file comment). */
export function sectionsOf(data: Json): Sections {
  const sections: Sections = new Map();
  const add = (path: string, row: string) => {
    const list = sections.get(path) ?? [];
    list.push(row);
    sections.set(path, list);
  };
  const walk = (value: Json, path: string, parent: string) => {
    if (Array.isArray(value)) {
      if (!value.some((item) => item !== null && typeof item === "object")) {
        // A list of scalars is part of its row (rowOf), except at the top.
        if (path === "" || !parent) add(path, JSON.stringify(value.map(scalar).sort(compareJson)));
        return;
      }
      const itemPath = `${path}[]`;
      if (!sections.has(itemPath)) sections.set(itemPath, []);
      for (const item of value) {
        const id = idOf(item);
        add(itemPath, `${parent ? `${parent} → ` : ""}${JSON.stringify(rowOf(item))}`);
        if (item && typeof item === "object" && !Array.isArray(item)) {
          for (const key of Object.keys(item)) {
            const child = item[key]!;
            if (Array.isArray(child) && child.some((entry) => entry !== null && typeof entry === "object")) {
              walk(child, `${itemPath}.${key}`, id ? `${parent ? `${parent}/` : ""}${id}` : parent);
            }
          }
        }
      }
      return;
    }
    if (value !== null && typeof value === "object") {
      // An object outside any list: its scalars are one row, its lists their own sections.
      add(path || "(root)", JSON.stringify(rowOf(value)));
      for (const key of Object.keys(value)) {
        const child = value[key]!;
        if (Array.isArray(child) && child.some((entry) => entry !== null && typeof entry === "object")) {
          walk(child, path ? `${path}.${key}` : key, parent);
        } else if (child !== null && typeof child === "object" && !Array.isArray(child)) {
          walk(child, path ? `${path}.${key}` : key, parent);
        }
      }
      return;
    }
    add(path, JSON.stringify(scalar(value)));
  };
  walk(data, "", "");
  for (const rows of sections.values()) rows.sort();
  return sections;
}

export interface Difference {
  section: string;
  leftCount: number;
  rightCount: number;
  onlyLeft: string[];
  onlyRight: string[];
}

/** Multiset differences per section. */
export function compareSections(left: Sections, right: Sections): Difference[] {
  const differences: Difference[] = [];
  const names = [...new Set([...left.keys(), ...right.keys()])].sort();
  for (const name of names) {
    const a = left.get(name) ?? [];
    const b = right.get(name) ?? [];
    const counts = new Map<string, number>();
    for (const row of a) counts.set(row, (counts.get(row) ?? 0) + 1);
    for (const row of b) counts.set(row, (counts.get(row) ?? 0) - 1);
    const onlyLeft: string[] = [];
    const onlyRight: string[] = [];
    for (const [row, count] of counts) {
      for (let i = 0; i < count; i++) onlyLeft.push(row);
      for (let i = 0; i < -count; i++) onlyRight.push(row);
    }
    if (onlyLeft.length > 0 || onlyRight.length > 0) {
      differences.push({ section: name, leftCount: a.length, rightCount: b.length, onlyLeft, onlyRight });
    }
  }
  return differences;
}

/** How many rows in all: the size of what was compared. */
export function rowCount(sections: Sections): number {
  let total = 0;
  for (const rows of sections.values()) total += rows.length;
  return total;
}

/** A short diff for the console: up to `examples` rows per side and section. */
export function describeDifferences(differences: Difference[], leftName: string, rightName: string, examples = 2): string[] {
  const lines: string[] = [];
  for (const difference of differences.slice(0, 6)) {
    lines.push(
      `      ${difference.section}: ${leftName} ${difference.leftCount} rows, ${rightName} ${difference.rightCount} rows; ` +
        `${difference.onlyLeft.length} only in ${leftName}, ${difference.onlyRight.length} only in ${rightName}`,
    );
    for (const row of difference.onlyLeft.slice(0, examples)) lines.push(`        - ${leftName}: ${shorten(row)}`);
    for (const row of difference.onlyRight.slice(0, examples)) lines.push(`        + ${rightName}: ${shorten(row)}`);
  }
  if (differences.length > 6) lines.push(`      … and ${differences.length - 6} more sections differ`);
  return lines;
}

function shorten(text: string, max = 220): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
