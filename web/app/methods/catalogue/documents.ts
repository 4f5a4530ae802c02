// GraphQL documents of the admin catalogue screens /admin/praksiser and /admin/kpier.
import { graphql } from "../../graphql";

export const CataloguePracticesQuery = graphql(`
  query MethodsCataloguePractices {
    practices(includeRetired: true) {
      id
      code
      theme
      sortOrder
      name
      description
      levels
      currentVersion
      retiredAt
      version
      versions {
        id
        number
        name
        description
        levels
        createdAt
        createdBy
      }
    }
  }
`);

export const CatalogueKpisQuery = graphql(`
  query MethodsCatalogueKpis {
    kpis {
      id
      code
      name
      unit
      direction
      target
      description
      sortOrder
      version
    }
  }
`);

/** A stale version comes back as a ConflictError naming what others changed. */
export const CatalogueConflictFragment = graphql(`
  fragment MethodsCatalogueConflict on ConflictError {
    currentVersion
    changedFields
  }
`);

export const CreatePracticeMutation = graphql(`
  mutation MethodsCatalogueCreatePractice($input: CreatePracticeInput!) {
    createPractice(input: $input) {
      __typename
      ... on CreatePracticePayload {
        practice {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

export const UpdatePracticeMutation = graphql(`
  mutation MethodsCatalogueUpdatePractice($input: UpdatePracticeInput!) {
    updatePractice(input: $input) {
      __typename
      ... on UpdatePracticePayload {
        practice {
          id
          name
          currentVersion
        }
      }
      ...MethodsCatalogueConflict
      ...MutationError
    }
  }
`);

export const RetirePracticeMutation = graphql(`
  mutation MethodsCatalogueRetirePractice($input: RetirePracticeInput!) {
    retirePractice(input: $input) {
      __typename
      ... on RetirePracticePayload {
        practice {
          id
          retiredAt
        }
      }
      ...MethodsCatalogueConflict
      ...MutationError
    }
  }
`);

export const CreateKpiMutation = graphql(`
  mutation MethodsCatalogueCreateKpi($input: CreateKpiInput!) {
    createKpi(input: $input) {
      __typename
      ... on CreateKpiPayload {
        kpi {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateKpiMutation = graphql(`
  mutation MethodsCatalogueUpdateKpi($input: UpdateKpiInput!) {
    updateKpi(input: $input) {
      __typename
      ... on UpdateKpiPayload {
        kpi {
          id
          name
        }
      }
      ...MethodsCatalogueConflict
      ...MutationError
    }
  }
`);
