// `node(id)` and `nodes(ids)`: an id that is malformed, names no Node type, or names a row
// that does not exist gives null in its place, as Relay's object identification expects,
// instead of an error (issue 13, finding 4). prismaNode loads with findUniqueOrThrow, so a
// missing row surfaced as an internal error.
import { resolveNodes } from "@pothos/plugin-relay";
import { decodeGlobalID } from "./ids";
import { GraphQLObjectType, type GraphQLResolveInfo } from "graphql";

type GlobalId = { typename: string; id: string };

/** Decodes a global id; a malformed one becomes a typename that no type has, never an error. */
export function decodeGlobalIdLeniently(globalId: string): GlobalId {
  try {
    return decodeGlobalID(globalId);
  } catch {
    return { typename: "", id: "" };
  }
}

function isNodeType(info: GraphQLResolveInfo, typename: string): boolean {
  const type = typename ? info.schema.getType(typename) : undefined;
  return type instanceof GraphQLObjectType && type.getInterfaces().some((face) => face.name === "Node");
}

/** Prisma's "required record not found" (P2025), as findUniqueOrThrow raises it. */
function isRecordNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "P2025";
}

/** The node with this id, or null when it is not one; database failures still throw. */
export async function resolveNodeOrNull(
  builder: Parameters<typeof resolveNodes>[0],
  context: object,
  info: GraphQLResolveInfo,
  globalId: GlobalId,
): Promise<unknown> {
  if (!isNodeType(info, globalId.typename)) return null;
  try {
    const [node] = await resolveNodes(builder, context, info, [globalId]);
    return (await node) ?? null;
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}
