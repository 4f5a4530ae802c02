// The typed errors of every mutation (the Error interface the API's errors implement), as
// one fragment: each screen's mutation documents spread it and map the errors to fields.
import { graphql } from "./generated";

export const MutationErrorFragment = graphql(`
  fragment MutationError on Error {
    code
    message
    ... on ValidationError {
      fieldErrors {
        path
        message
      }
    }
  }
`);
