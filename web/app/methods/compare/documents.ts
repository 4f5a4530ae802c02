// GraphQL documents of the comparison screen (/sammenlign). The API computes every
// aggregate; the screen only lays them out.
import { graphql } from "../../graphql";

/** Everything but the case flows (one service at a time) and the drill-down. */
export const MethodComparisonQuery = graphql(`
  query MethodComparison($officeIds: [ID!], $from: Date, $to: Date) {
    methodComparison(officeIds: $officeIds, from: $from, to: $to) {
      __typename
      ... on MethodComparison {
        from
        to
        months
        offices {
          id
          code
          name
          isPilot
          isSpearhead
        }
        maturity {
          practices {
            id
            code
            name
            theme
            levels
          }
          cells {
            officeId
            practiceId
            level
            assessedOn
            previousLevel
            previousAssessedOn
            assessmentCount
          }
        }
        kpis {
          target
          kpi {
            id
            code
            name
            unit
            direction
            description
          }
          series {
            officeId
            average
            latest {
              period
              value
            }
            points {
              period
              value
            }
          }
        }
        insightThemes {
          themes
          cells {
            officeId
            theme
            count
            share
            example
            exampleKind
          }
        }
        cultureGaps {
          dimensions
          cells {
            officeId
            dimension
            current
            target
            gap
            assessedOn
          }
        }
        summary {
          practice {
            id
            name
            theme
          }
          leadingOffice {
            id
            name
          }
          level
          reachedOn
          kpis {
            kpi {
              id
              name
              unit
            }
            period
            value
          }
        }
        caseFlowServices {
          id
          code
          name
        }
      }
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export const MethodCaseFlowsQuery = graphql(`
  query MethodCaseFlows($officeIds: [ID!], $from: Date, $to: Date, $serviceId: ID) {
    caseFlowStages {
      key
      name
    }
    methodComparison(officeIds: $officeIds, from: $from, to: $to) {
      __typename
      ... on MethodComparison {
        caseFlows(serviceId: $serviceId) {
          service {
            id
            name
            deadlineDays
          }
          stages
          fastestOfficeId
          leadTimeSpreadDays
          offices {
            officeId
            recordedOn
            totalLeadTimeDays
            workingDays
            waitingDays
            waitingShare
            handOffs
            stepCount
            leadTimeDifferenceDays
            flow {
              id
              note
            }
            stages {
              stageKey
              leadTimeDays
              waitingDays
              handOffs
              steps {
                stepId
                order
                name
                responsibleRoleName
                durationDays
                waitingDays
                leadTimeDays
                handOffs
              }
            }
          }
          differences {
            stageKey
            officeCount
            minLeadTimeDays
            maxLeadTimeDays
            spreadDays
            fastestOfficeId
            slowestOfficeId
            officeIdsWithout
          }
        }
      }
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export const MethodMaturityHistoryQuery = graphql(`
  query MethodMaturityHistory($officeIds: [ID!], $from: Date, $to: Date, $officeId: ID!, $practiceId: ID!) {
    methodComparison(officeIds: $officeIds, from: $from, to: $to) {
      __typename
      ... on MethodComparison {
        maturityHistory(officeId: $officeId, practiceId: $practiceId) {
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
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

export const MethodComparisonExportQuery = graphql(`
  query MethodComparisonExport($officeIds: [ID!], $from: Date, $to: Date, $serviceId: ID) {
    methodComparisonExport(officeIds: $officeIds, from: $from, to: $to, serviceId: $serviceId, format: XLSX) {
      __typename
      ... on ExportFile {
        fileName
        contentType
        contentBase64
      }
      ... on ValidationError {
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);

/** The office picker's choices: the pilots, offices matching the typed text, and the chosen ones by id. */
export const CompareOfficeOptionsQuery = graphql(`
  query CompareOfficeOptions($text: String, $search: Boolean!, $ids: [ID!]!) {
    pilots: offices(filter: { isPilot: true, status: [ACTIVE] }, first: 20) {
      edges {
        node {
          id
          code
          name
          isSpearhead
        }
      }
    }
    found: offices(filter: { text: $text, status: [ACTIVE] }, first: 20) @include(if: $search) {
      edges {
        node {
          id
          code
          name
          isSpearhead
        }
      }
    }
    chosen: nodes(ids: $ids) {
      ... on Office {
        id
        code
        name
        isSpearhead
      }
    }
  }
`);
