// Text filters for Prisma on PostgreSQL. Prisma turns `contains`, `startsWith`, `endsWith` and
// case-insensitive `equals` into LIKE/ILIKE patterns and passes the user's text through
// unescaped, so `%` and `_` match anything (a theme "%" was stored as "Brukerorientering")
// and a trailing `\` is an invalid pattern. Every such filter goes through these helpers.
/** The text as a LIKE pattern that matches only itself (PostgreSQL's default escape is `\`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Case-insensitive "contains this text", wildcards taken literally. */
export function containsText(text: string): { contains: string; mode: "insensitive" } {
  return { contains: escapeLike(text), mode: "insensitive" };
}

/** Case-sensitive "starts with this text" (codes, numbers), wildcards taken literally. */
export function startsWithText(text: string): { startsWith: string } {
  return { startsWith: escapeLike(text) };
}

/** The same text ignoring case (Prisma's insensitive `equals` is an ILIKE), wildcards taken literally. */
export function equalsIgnoringCase(text: string): { equals: string; mode: "insensitive" } {
  return { equals: escapeLike(text), mode: "insensitive" };
}
