// The progress report screens' GraphQL documents: reminders, the paged list and its
// export, one report with everything its page shows, and the report's mutations (each
// returns the whole report, so the page shows the new state without another read).
import { graphql } from "../../graphql";

export const ProgressReportFieldsFragment = graphql(`
  fragment ProgressReportFields on ProgressReport {
    id
    period
    dueDate
    status
    version
    learning
    obstacles
    helpNeeded
    office {
      id
      name
      code
    }
    stages {
      practice {
        id
        code
        name
      }
      stage
      note
    }
    kpiValues {
      kpi {
        id
        code
        name
        unit
      }
      value
    }
    createdByName
    createdAt
    updatedAt
    submittedAt
    submittedByName
    acknowledgedAt
    acknowledgedByName
    comments {
      id
      kind
      body
      authorName
      createdAt
    }
    submissions {
      id
      number
      submittedAt
      submittedByName
      content
    }
    viewerCanEdit
    viewerCanReview
  }
`);

/** The report, the catalogues its form needs, and the office's latest earlier report (what a draft was prefilled from). */
export const ProgressReportPageQuery = graphql(`
  query ProgressReportPage($id: ID!) {
    progressReport(id: $id) {
      ...ProgressReportFields
    }
    practices {
      id
      code
      name
      sortOrder
    }
    kpis {
      id
      code
      name
      unit
      direction
      target
      sortOrder
    }
  }
`);

export const ProgressReportEarlierQuery = graphql(`
  query ProgressReportEarlier($officeId: ID!, $periodTo: Date!) {
    progressReports(first: 1, filter: { officeId: $officeId, periodTo: $periodTo }) {
      edges {
        node {
          id
          period
        }
      }
    }
  }
`);

export const ProgressReportReminderFieldsFragment = graphql(`
  fragment ProgressReportReminderFields on ReportReminder {
    office {
      id
      name
      viewerCanReport
    }
    period
    dueDate
    state
    daysOverdue
    report {
      id
      status
    }
  }
`);

export const ProgressReportRemindersQuery = graphql(`
  query ProgressReportReminders {
    progressReportReminders {
      due {
        ...ProgressReportReminderFields
      }
      overdue {
        ...ProgressReportReminderFields
      }
      awaitingReview {
        id
        period
        dueDate
        submittedAt
        submittedByName
        office {
          id
          name
        }
      }
    }
  }
`);

export const ProgressReportListQuery = graphql(`
  query ProgressReportList($first: Int!, $after: String, $filter: ProgressReportFilter) {
    progressReports(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          period
          dueDate
          status
          submittedAt
          submittedByName
          acknowledgedAt
          office {
            id
            name
          }
        }
      }
    }
  }
`);

/** The offices in the rollout and those the user leads, for the office filter. */
export const ProgressReportOfficesQuery = graphql(`
  query ProgressReportOffices {
    viewer {
      ledOffices {
        id
        name
      }
    }
    rolloutWaves {
      id
      name
      plannedStart
      rollouts {
        id
        office {
          id
          name
        }
      }
    }
  }
`);

export const ProgressReportsExportQuery = graphql(`
  query ProgressReportsExport($filter: ProgressReportFilter) {
    progressReportsExport(filter: $filter) {
      __typename
      ... on ExportFile {
        fileName
        contentType
        contentBase64
      }
      ... on Error {
        message
      }
    }
  }
`);

export const OpenProgressReportMutation = graphql(`
  mutation OpenProgressReport($input: OpenProgressReportInput!) {
    openProgressReport(input: $input) {
      __typename
      ... on OpenProgressReportPayload {
        progressReport {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const SaveProgressReportMutation = graphql(`
  mutation SaveProgressReport($input: SaveProgressReportInput!) {
    saveProgressReport(input: $input) {
      __typename
      ... on SaveProgressReportPayload {
        progressReport {
          ...ProgressReportFields
        }
      }
      ...MutationError
    }
  }
`);

export const SubmitProgressReportMutation = graphql(`
  mutation SubmitProgressReport($input: SubmitProgressReportInput!) {
    submitProgressReport(input: $input) {
      __typename
      ... on SubmitProgressReportPayload {
        progressReport {
          ...ProgressReportFields
        }
      }
      ...MutationError
    }
  }
`);

export const AcknowledgeProgressReportMutation = graphql(`
  mutation AcknowledgeProgressReport($input: AcknowledgeProgressReportInput!) {
    acknowledgeProgressReport(input: $input) {
      __typename
      ... on AcknowledgeProgressReportPayload {
        progressReport {
          ...ProgressReportFields
        }
      }
      ...MutationError
    }
  }
`);

export const RequestProgressReportChangesMutation = graphql(`
  mutation RequestProgressReportChanges($input: RequestProgressReportChangesInput!) {
    requestProgressReportChanges(input: $input) {
      __typename
      ... on RequestProgressReportChangesPayload {
        progressReport {
          ...ProgressReportFields
        }
      }
      ...MutationError
    }
  }
`);

/** The leader's due and overdue reports, for the card on /mitt-kontor. */
export const MyProgressReportRemindersQuery = graphql(`
  query MyProgressReportReminders {
    progressReportReminders {
      due {
        ...ProgressReportReminderFields
      }
      overdue {
        ...ProgressReportReminderFields
      }
    }
  }
`);
