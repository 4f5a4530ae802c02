/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A Nav office's staff are employed by the state or by the municipality. */
export type Employer =
  | 'MUNICIPAL'
  | 'STATE';

export type OfficeFilter = {
  isPilot?: boolean | null | undefined;
  /** Offices serving this municipality. */
  municipalityNumber?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<OfficeStatus> | null | undefined;
  /** Part of the name, the office number, or a municipality it serves (name or number). */
  text?: string | null | undefined;
};

/** ACTIVE: in operation; PLANNED: a merger's future office; MERGED: merged into another; CLOSED. */
export type OfficeStatus =
  | 'ACTIVE'
  | 'CLOSED'
  | 'MERGED'
  | 'PLANNED';

/** Who is responsible for a service: the state, the municipality, or both (partnership). */
export type ServiceProvider =
  | 'MUNICIPAL'
  | 'PARTNERSHIP'
  | 'STATE';

export type OfficePageQueryVariables = Exact<{
  id: string | number;
}>;


export type OfficePageQuery = { office: { id: string, code: string, name: string, status: OfficeStatus, isPilot: boolean, isSpearhead: boolean, validFrom: string, validTo: string | null, municipalities: Array<{ id: string, number: string, name: string }>, teams: Array<{ id: string, name: string, purpose: string | null, parent: { id: string } | null, services: Array<{ id: string, name: string }>, assignments: Array<{ id: string, fte: number, isCurrent: boolean, person: { id: string, name: string, employer: Employer }, role: { id: string, name: string } }> }>, services: Array<{ id: string, code: string, name: string, provider: ServiceProvider, deadlineDays: number | null }> } | null };

export type OfficesListQueryVariables = Exact<{
  filter?: OfficeFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OfficesListQuery = { offices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, code: string, name: string, status: OfficeStatus, isPilot: boolean, isSpearhead: boolean, municipalities: Array<{ id: string, number: string, name: string }> } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const OfficePageDocument = new TypedDocumentString(`
    query OfficePage($id: ID!) {
  office(id: $id) {
    id
    code
    name
    status
    isPilot
    isSpearhead
    validFrom
    validTo
    municipalities {
      id
      number
      name
    }
    teams {
      id
      name
      purpose
      parent {
        id
      }
      services {
        id
        name
      }
      assignments {
        id
        fte
        isCurrent
        person {
          id
          name
          employer
        }
        role {
          id
          name
        }
      }
    }
    services {
      id
      code
      name
      provider
      deadlineDays
    }
  }
}
    `) as unknown as TypedDocumentString<OfficePageQuery, OfficePageQueryVariables>;
export const OfficesListDocument = new TypedDocumentString(`
    query OfficesList($filter: OfficeFilter, $first: Int, $after: String) {
  offices(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        code
        name
        status
        isPilot
        isSpearhead
        municipalities {
          id
          number
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OfficesListQuery, OfficesListQueryVariables>;