// Refuses NUL characters and lone UTF-16 surrogates in any argument, in one place for every
// field: PostgreSQL cannot store either in text or jsonb, so they ended as internal errors
// (issue 13, finding 4). The check runs on the coerced arguments, so variables, literals in
// the document, input objects, lists, ids and JSON values are all covered. A field with a
// typed ValidationError in its result (mutations) gets that; any other field a GraphQL error
// with code BAD_USER_INPUT and HTTP 400. Nothing reaches a resolver or the database.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import { GraphQLError, type GraphQLFieldResolver } from "graphql";
import { ValidationError } from "./errors";

const pluginName = "cleanText";

// NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL could not store or compare the text. */
export function isUnstorableText(text: string): boolean {
  return UNSTORABLE.test(text);
}

export const UNSTORABLE_TEXT_MESSAGE =
  "Teksten inneholder tegn som ikke kan lagres (NUL-tegn eller et ufullstendig Unicode-tegn).";

/** The dotted path of the first string (or object key) that cannot be stored, or null. */
export function findUnstorableText(value: unknown, path: string): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorableText(value[index], `${path}.${index}`);
      if (found !== null) return found;
    }
    return null;
  }
  // Input objects and JSON values; Dates and other class instances come from scalars that
  // have already parsed their text.
  if (value !== null && typeof value === "object") {
    const prototype = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return null;
    for (const [key, entry] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return `${path}.${key}`;
      const found = findUnstorableText(entry, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The path as a ValidationError names it: inside a mutation's `input`, without the prefix. */
function fieldErrorPath(path: string): string {
  return path.startsWith("input.") ? path.slice("input.".length) : path;
}

function unstorableTextError(path: string, typedError: boolean): Error {
  if (typedError) return ValidationError.field(fieldErrorPath(path), UNSTORABLE_TEXT_MESSAGE);
  return new GraphQLError(UNSTORABLE_TEXT_MESSAGE, {
    extensions: {
      code: "BAD_USER_INPUT",
      fieldErrors: [{ path, message: UNSTORABLE_TEXT_MESSAGE }],
      http: { status: 400 },
    },
  });
}

function checkArgs(args: object, typedError: boolean): void {
  for (const [name, value] of Object.entries(args)) {
    const path = findUnstorableText(value, name);
    if (path !== null) throw unstorableTextError(path, typedError);
  }
}

export class CleanTextPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    const typedError = this.returnsValidationError(fieldConfig);
    return (parent, args, context, info) => {
      checkArgs(args, typedError);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types["Context"], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> | undefined {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent, args, context, info) => {
      checkArgs(args, false);
      return subscribe(parent, args, context, info);
    };
  }

  /** Whether the errors plugin turns a thrown ValidationError into this field's typed result. */
  private returnsValidationError(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
    const errorTypes = fieldConfig.extensions?.pothosErrors as unknown[] | undefined;
    return errorTypes?.includes(ValidationError) ?? false;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      cleanText: CleanTextPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, CleanTextPlugin);

export default pluginName;
