// Global ids (relay) in mutation inputs: decoded here so a wrong or malformed id becomes a
// typed ValidationError on the field that carried it.
import { decodeGlobalID as decodeRelayGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { isUnstorableText } from "./clean-text-plugin";
import { ENTITY_NAMES, ValidationError } from "./errors";


/**
 * The one way the API decodes a global id: Pothos's decoder, and an id whose decoded text
 * PostgreSQL could not take (a NUL hidden in the base64, issue 13's fuzz) is malformed like
 * any other, so callers answer with their usual "invalid id" instead of an internal error.
 * Throws as Pothos's decoder does; eslint forbids importing that one elsewhere.
 */
export function decodeGlobalID(globalId: string): { typename: string; id: string } {
  const decoded = decodeRelayGlobalID(globalId);
  if (isUnstorableText(decoded.id) || isUnstorableText(decoded.typename)) {
    throw new Error(`Invalid global ID: ${JSON.stringify(globalId)}`);
  }
  return decoded;
}

export function toGlobalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}

/** The database id inside a global id of `typename`; ValidationError on `path` otherwise. */
export function fromGlobalId(globalId: string, typename: string, path: string): string {
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = null;
  }
  if (!decoded || decoded.typename !== typename) {
    throw ValidationError.field(path, `«${globalId}» er ikke en gyldig id for ${ENTITY_NAMES[typename] ?? typename}.`);
  }
  return decoded.id;
}
