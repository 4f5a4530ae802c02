// A small typed GraphQL client: fetch + Bearer token + the API's CSRF header.
// Documents are graphql-codegen's TypedDocumentString (documentMode "string"), so the
// query text is sent as it is and result/variables types come from the document.

/** What graphql-codegen's client preset generates for each document. */
export interface TypedDocument<TResult, TVariables> {
  /** Phantom field that carries the types (never set at run time). */
  __apiType?: (variables: TVariables) => TResult;
  toString(): string;
}

// `never` as the variables type: every document's variables are accepted there.
export type ResultOf<D> = D extends TypedDocument<infer R, never> ? R : never;
export type VariablesOf<D> = D extends { __apiType?: (variables: infer V) => unknown } ? V : never;

export interface GraphQLErrorItem {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

export type ApiErrorKind =
  | "unreachable" // no HTTP answer (network, CORS, API down)
  | "unauthorized" // 401 / UNAUTHENTICATED
  | "forbidden" // 403 / FORBIDDEN / NOT_AUTHORIZED
  | "http" // another non-2xx status without GraphQL errors
  | "graphql" // the response carried GraphQL errors
  | "result"; // a typed error result (e.g. NotFoundError) where data was expected

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    message: string,
    readonly kind: ApiErrorKind,
    readonly details: { status?: number; errors?: GraphQLErrorItem[]; typename?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
  get errors(): GraphQLErrorItem[] {
    return this.details.errors ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === "ApiError";
}

export interface GraphQLClientOptions {
  /** The endpoint, or a function that finds it (e.g. from the runtime config). */
  url: string | (() => Promise<string>);
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export type GraphQLRequest = <TResult, TVariables>(
  document: TypedDocument<TResult, TVariables>,
  ...args: keyof TVariables extends never
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions]
) => Promise<TResult>;

export function createGraphQLClient(clientOptions: GraphQLClientOptions): GraphQLRequest {
  const fetchImpl = clientOptions.fetch ?? globalThis.fetch.bind(globalThis);

  return async function request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables>,
    variables?: TVariables,
    options: RequestOptions = {},
  ): Promise<TResult> {
    const url = typeof clientOptions.url === "string" ? clientOptions.url : await clientOptions.url();
    const token = await clientOptions.getToken();
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          // graphql-yoga's CSRF prevention: a header a cross-site form cannot send.
          "x-samla-csrf": "1",
        },
        body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
        signal: options.signal,
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new ApiError("The API did not answer", "unreachable", { cause });
    }

    const body = await readJson(response);
    const errors = Array.isArray(body?.errors) ? (body.errors as GraphQLErrorItem[]) : undefined;

    if (errors && errors.length > 0) {
      const message = errors.map((error) => error.message).join("; ");
      // An id from the URL that is no id of the asked-for type names nothing: the same
      // "not found" a well-formed unknown id gets, so every screen shows its own page for it.
      if (errors.every(isMalformedIdError)) {
        throw new ApiError(message, "result", { status: response.status, errors, typename: "NotFoundError" });
      }
      throw new ApiError(message, kindOf(response.status, errors), { status: response.status, errors });
    }
    if (!response.ok) {
      throw new ApiError(`The API answered HTTP ${response.status}`, kindOf(response.status, []), {
        status: response.status,
      });
    }
    if (!body || typeof body !== "object" || !("data" in body) || body.data == null) {
      throw new ApiError("The API answered without data", "http", { status: response.status });
    }
    return body.data as TResult;
  } as GraphQLRequest;
}

async function readJson(response: Response): Promise<{ data?: unknown; errors?: unknown } | undefined> {
  try {
    return (await response.json()) as { data?: unknown; errors?: unknown };
  } catch {
    return undefined;
  }
}

/**
 * The API's refusal of an id argument that is malformed or of another type (typed id
 * arguments, e.g. `office(id:)`): BAD_USER_INPUT with reason INVALID_ID.
 */
export function isMalformedIdError(error: GraphQLErrorItem): boolean {
  return error.extensions?.code === "BAD_USER_INPUT" && error.extensions.reason === "INVALID_ID";
}

function kindOf(status: number, errors: GraphQLErrorItem[]): ApiErrorKind {
  const codes = errors.map((error) => error.extensions?.code);
  if (status === 401 || codes.includes("UNAUTHENTICATED")) return "unauthorized";
  if (status === 403 || codes.includes("FORBIDDEN") || codes.includes("NOT_AUTHORIZED")) return "forbidden";
  if (errors.length > 0) return "graphql";
  return "http";
}

/**
 * Narrows a typed result (a union such as `Office | NotFoundError`) to the member that
 * was asked for, and turns any other member into an ApiError of kind "result".
 */
export function expectTypename<T extends { __typename?: string }, N extends NonNullable<T["__typename"]>>(
  value: T | null | undefined,
  typename: N,
): Extract<T, { __typename?: N }> {
  if (value && value.__typename === typename) return value as Extract<T, { __typename?: N }>;
  const actual = value?.__typename;
  const message =
    value && "message" in value && typeof value.message === "string" ? value.message : `Expected ${typename}`;
  throw new ApiError(message, "result", actual ? { typename: actual } : {});
}
