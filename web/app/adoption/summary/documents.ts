// GraphQL documents of the printable monthly summary (/innforing/manedsrapport).
import { graphql } from "../../graphql";

/** A report not yet sent (due or overdue). */
export const MissingReportFieldsFragment = graphql(`
  fragment MissingReportFields on ReportReminder {
    office {
      id
      name
    }
    period
    dueDate
    state
    daysOverdue
  }
`);

/** The month's dashboard, last month's stages (for the changes) and the reports still missing. */
export const MonthlySummaryQuery = graphql(`
  query MonthlySummary($asOf: Date!, $previousAsOf: Date!) {
    current: adoptionDashboard(filter: { asOf: $asOf }) {
      asOf
      practices {
        id
        name
      }
      summary {
        ...AdoptionSummaryFields
      }
      matrix {
        office {
          id
          name
        }
        wave {
          id
          name
          ordinal
        }
        cells {
          practiceId
          stage
        }
      }
      behindPlan {
        ...BehindPlanOfficeFields
      }
    }
    previous: adoptionDashboard(filter: { asOf: $previousAsOf }) {
      matrix {
        office {
          id
        }
        cells {
          practiceId
          stage
        }
      }
    }
    progressReportReminders {
      due {
        ...MissingReportFields
      }
      overdue {
        ...MissingReportFields
      }
    }
  }
`);

/** One page of the month's reports (an office has at most one per month). */
export const MonthlyReportsQuery = graphql(`
  query MonthlyReports($month: Date!, $after: String) {
    progressReports(first: 100, after: $after, filter: { periodFrom: $month, periodTo: $month }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          office {
            id
            name
          }
          period
          status
          submittedAt
          submittedByName
          acknowledgedAt
          learning
          obstacles
          helpNeeded
        }
      }
    }
  }
`);
