// GraphQL documents of the adoption dashboard (/innforing). The API computes every figure
// in SQL; the screen lays them out.
import { graphql } from "../../graphql";

/** The key figures: the dashboard and the monthly summary show the same ones. */
export const AdoptionSummaryFieldsFragment = graphql(`
  fragment AdoptionSummaryFields on AdoptionSummary {
    officeCount
    startedOfficeCount
    reportsSubmittedThisPeriod
    reportsAwaitingReview
    overdueReportCount
    adoptedShare
    behindPlanOfficeCount
  }
`);

/** An office behind plan with the reason its leader gave (dashboard and monthly summary). */
export const BehindPlanOfficeFieldsFragment = graphql(`
  fragment BehindPlanOfficeFields on BehindPlanOffice {
    office {
      id
      name
    }
    wave {
      id
      name
    }
    practices {
      practice {
        id
        name
      }
      stage
      expectedStage
      targetDate
    }
    viewerCanReadReport
    reason
    helpNeeded
    reportPeriod
    reportId
  }
`);

export const AdoptionDashboardQuery = graphql(`
  query AdoptionDashboard($filter: AdoptionDashboardFilter) {
    adoptionDashboard(filter: $filter) {
      asOf
      from
      practices {
        id
        code
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
          since
          expectedStage
          behindPlan
        }
      }
      timeline {
        period
        counts {
          stage
          count
        }
      }
      practiceTimeline {
        practice {
          id
        }
        points {
          period
          adoptedShare
          averageStage
        }
      }
      waves {
        wave {
          id
          name
          ordinal
          isPilot
          plannedStart
          targetDate
        }
        officeCount
        plannedProgress
        actualProgress
        behindPlanOfficeCount
        series {
          period
          planned
          actual
        }
      }
      behindPlan {
        ...BehindPlanOfficeFields
      }
      spread {
        practice {
          id
        }
        counts {
          stage
          count
        }
        adoptedShare
        officeCount
      }
    }
  }
`);

/** The wave filter's choices. */
export const AdoptionWavesQuery = graphql(`
  query AdoptionWaves {
    rolloutWaves {
      id
      name
      ordinal
      isPilot
      officeCount
      plannedStart
    }
  }
`);

export const AdoptionDashboardExportQuery = graphql(`
  query AdoptionDashboardExport($filter: AdoptionDashboardFilter) {
    adoptionDashboardExport(filter: $filter) {
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

/** Submissions, acknowledgements and requests for changes, as they happen. */
export const ProgressReportEventsSubscription = graphql(`
  subscription ProgressReportEvents {
    progressReportEvents {
      kind
      reportId
      officeId
      officeName
      period
      status
      actorName
      at
    }
  }
`);
