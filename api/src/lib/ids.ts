// Global ids (relay) in mutation inputs: decoded here so a wrong or malformed id becomes a
// typed ValidationError on the field that carried it.
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { ENTITY_NAMES, ValidationError } from "./errors";

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
