/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OfficePage($id: ID!) {\n    office(id: $id) {\n      id\n      code\n      name\n      status\n      isPilot\n      isSpearhead\n      validFrom\n      validTo\n      municipalities {\n        id\n        number\n        name\n      }\n      teams {\n        id\n        name\n        purpose\n        parent {\n          id\n        }\n        services {\n          id\n          name\n        }\n        assignments {\n          id\n          fte\n          isCurrent\n          person {\n            id\n            name\n            employer\n          }\n          role {\n            id\n            name\n          }\n        }\n      }\n      services {\n        id\n        code\n        name\n        provider\n        deadlineDays\n      }\n    }\n  }\n": typeof types.OfficePageDocument,
    "\n  query OfficesList($filter: OfficeFilter, $first: Int, $after: String) {\n    offices(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          status\n          isPilot\n          isSpearhead\n          municipalities {\n            id\n            number\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.OfficesListDocument,
};
const documents: Documents = {
    "\n  query OfficePage($id: ID!) {\n    office(id: $id) {\n      id\n      code\n      name\n      status\n      isPilot\n      isSpearhead\n      validFrom\n      validTo\n      municipalities {\n        id\n        number\n        name\n      }\n      teams {\n        id\n        name\n        purpose\n        parent {\n          id\n        }\n        services {\n          id\n          name\n        }\n        assignments {\n          id\n          fte\n          isCurrent\n          person {\n            id\n            name\n            employer\n          }\n          role {\n            id\n            name\n          }\n        }\n      }\n      services {\n        id\n        code\n        name\n        provider\n        deadlineDays\n      }\n    }\n  }\n": types.OfficePageDocument,
    "\n  query OfficesList($filter: OfficeFilter, $first: Int, $after: String) {\n    offices(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          status\n          isPilot\n          isSpearhead\n          municipalities {\n            id\n            number\n            name\n          }\n        }\n      }\n    }\n  }\n": types.OfficesListDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficePage($id: ID!) {\n    office(id: $id) {\n      id\n      code\n      name\n      status\n      isPilot\n      isSpearhead\n      validFrom\n      validTo\n      municipalities {\n        id\n        number\n        name\n      }\n      teams {\n        id\n        name\n        purpose\n        parent {\n          id\n        }\n        services {\n          id\n          name\n        }\n        assignments {\n          id\n          fte\n          isCurrent\n          person {\n            id\n            name\n            employer\n          }\n          role {\n            id\n            name\n          }\n        }\n      }\n      services {\n        id\n        code\n        name\n        provider\n        deadlineDays\n      }\n    }\n  }\n"): typeof import('./graphql').OfficePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OfficesList($filter: OfficeFilter, $first: Int, $after: String) {\n    offices(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          code\n          name\n          status\n          isPilot\n          isSpearhead\n          municipalities {\n            id\n            number\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').OfficesListDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
