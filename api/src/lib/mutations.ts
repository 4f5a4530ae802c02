// Naming for mutation results: `createOffice` returns the union `CreateOfficeResult` of
// `CreateOfficePayload { office }` and the typed errors it can raise.
import type { SamlaError } from "./errors";

type ErrorClass = abstract new (...args: never[]) => SamlaError;

export function mutationResult<const Field extends string>(mutation: string, dataField: Field, types: ErrorClass[]) {
  const base = mutation.charAt(0).toUpperCase() + mutation.slice(1);
  return {
    types: types as unknown as (new (...args: never[]) => Error)[],
    result: { name: `${base}Payload` },
    union: { name: `${base}Result` },
    dataField: { name: dataField },
  };
}
