// GraphQL documents of /kontorer/:id/metodikk: what an office has recorded about its
// working methods, and the mutations that record more (typed by graphql-codegen).
import { graphql } from "../../graphql";

/** The office, whether the caller may record for it, and the catalogues the forms offer. */
export const MethodsRecordPageQuery = graphql(`
  query MethodsRecordPage($id: ID!) {
    office(id: $id) {
      id
      code
      name
      validFrom
      validTo
      viewerCanRecordMethods
      # The service of the newest recorded flow: the case-flow tab opens on it.
      processFlows(first: 1) {
        edges {
          node {
            id
            service {
              id
            }
          }
        }
      }
    }
    practices {
      id
      code
      theme
      name
      description
      levels
      currentVersion
    }
    kpis {
      id
      code
      name
      unit
      direction
      target
      description
    }
    services {
      id
      code
      name
    }
    roles {
      id
      name
    }
    caseFlowStages {
      key
      name
    }
  }
`);

export const MethodsRecordLatestMaturityQuery = graphql(`
  query MethodsRecordLatestMaturity($id: ID!) {
    office(id: $id) {
      id
      latestMaturityAssessments {
        id
        level
        assessedOn
        practice {
          id
        }
        practiceVersion {
          id
          number
          name
        }
      }
    }
  }
`);

export const MethodsRecordMaturityHistoryQuery = graphql(`
  query MethodsRecordMaturityHistory($id: ID!, $practiceId: ID!, $first: Int, $after: String) {
    office(id: $id) {
      id
      maturityAssessments(practiceId: $practiceId, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            level
            levelText
            assessedOn
            evidence
            authorName
            practiceVersion {
              id
              number
              name
            }
          }
        }
      }
    }
  }
`);

export const MethodsRecordKpiValuesQuery = graphql(`
  query MethodsRecordKpiValues($id: ID!, $from: Date!, $to: Date!, $first: Int, $after: String) {
    office(id: $id) {
      id
      kpiMeasurements(from: $from, to: $to, first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            period
            value
            authorName
            kpi {
              id
            }
          }
        }
      }
    }
  }
`);

export const MethodsRecordFlowQuery = graphql(`
  query MethodsRecordFlow($id: ID!, $serviceId: ID!) {
    office(id: $id) {
      id
      processFlow(serviceId: $serviceId) {
        ...MethodsRecordFlowDetails
      }
      processFlows(serviceId: $serviceId, first: 50) {
        totalCount
        edges {
          node {
            ...MethodsRecordFlowDetails
          }
        }
      }
    }
  }

  fragment MethodsRecordFlowDetails on ProcessFlow {
    id
    recordedOn
    note
    authorName
    steps {
      id
      order
      stageKey
      name
      durationDays
      waitingDays
      handOffs
      responsibleRole {
        id
        name
      }
    }
  }
`);

export const MethodsRecordInsightsQuery = graphql(`
  query MethodsRecordInsights($id: ID!, $theme: String, $first: Int, $after: String) {
    office(id: $id) {
      id
      userInsights(theme: $theme, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            theme
            kind
            text
            interviewedOn
            authorName
            service {
              id
              name
            }
            processStep {
              id
              name
            }
          }
        }
      }
    }
    userInsightThemes
  }
`);

export const MethodsRecordCultureQuery = graphql(`
  query MethodsRecordCulture($id: ID!, $first: Int, $after: String) {
    office(id: $id) {
      id
      cultureAssessments(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            dimension
            currentScore
            targetScore
            gap
            assessedOn
            authorName
          }
        }
      }
    }
    cultureDimensions
  }
`);

export const RecordMaturityAssessmentMutation = graphql(`
  mutation MethodsRecordSaveMaturity($input: RecordMaturityAssessmentInput!) {
    recordMaturityAssessment(input: $input) {
      __typename
      ... on RecordMaturityAssessmentPayload {
        maturityAssessment {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const RecordKpiMeasurementsMutation = graphql(`
  mutation MethodsRecordSaveKpis($input: RecordKpiMeasurementsInput!) {
    recordKpiMeasurements(input: $input) {
      __typename
      ... on RecordKpiMeasurementsPayload {
        measurements {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const RecordProcessFlowMutation = graphql(`
  mutation MethodsRecordSaveFlow($input: RecordProcessFlowInput!) {
    recordProcessFlow(input: $input) {
      __typename
      ... on RecordProcessFlowPayload {
        processFlow {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const RecordUserInsightMutation = graphql(`
  mutation MethodsRecordSaveInsight($input: RecordUserInsightInput!) {
    recordUserInsight(input: $input) {
      __typename
      ... on RecordUserInsightPayload {
        userInsight {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const RecordCultureAssessmentMutation = graphql(`
  mutation MethodsRecordSaveCulture($input: RecordCultureAssessmentInput!) {
    recordCultureAssessment(input: $input) {
      __typename
      ... on RecordCultureAssessmentPayload {
        cultureAssessments {
          id
        }
      }
      ...MutationError
    }
  }
`);
