// GraphQL documents of the scenario analysis screens: impact, health checks, compare,
// print and the health check thresholds.
import { graphql } from "../../graphql";

export const ScenarioImpactFragment = graphql(`
  fragment ScenarioImpactFields on ScenarioImpact {
    before {
      headcount
      fte
      positions
      vacancies
      vacantFte
    }
    after {
      headcount
      fte
      positions
      vacancies
      vacantFte
    }
    byOffice {
      ...ImpactRowFields
    }
    byTeam {
      ...ImpactRowFields
    }
    byRoleCategory {
      ...ImpactRowFields
    }
    byEmployer {
      ...ImpactRowFields
    }
    peopleChanges {
      person {
        id
        name
      }
      teamChanged
      roleChanged
      managerChanged
      beforeTeam {
        id
        name
      }
      afterTeam {
        id
        name
      }
      beforeRole {
        id
        name
      }
      afterRole {
        id
        name
      }
      beforeManager {
        id
        name
      }
      afterManager {
        id
        name
      }
    }
    spanBefore {
      ...SpanFields
    }
    spanAfter {
      ...SpanFields
    }
    serviceCoverage {
      service {
        id
        code
        name
      }
      deliveredBefore
      covered
      teams {
        id
        name
      }
    }
    vacancies {
      id
      fte
      role {
        id
        name
      }
      team {
        id
        name
      }
    }
    peopleWithoutPosition {
      id
      name
    }
    vacancyCount
    peopleWithoutPositionCount
  }

  fragment ImpactRowFields on ImpactRow {
    key
    label
    action
    before {
      headcount
      fte
    }
    after {
      headcount
      fte
    }
  }

  fragment SpanFields on SpanOfControl {
    managers
    averageSpan
    maxSpan
    minSpan
    layers
  }
`);

export const ScenarioImpactQuery = graphql(`
  query ScenarioImpact($id: ID!) {
    scenario(id: $id) {
      id
      version
      impact {
        ...ScenarioImpactFields
      }
    }
  }
`);

export const HealthCheckFragment = graphql(`
  fragment HealthCheckFields on HealthCheck {
    code
    severity
    passed
    message
    threshold
    elements {
      kind
      id
      label
      value
    }
  }
`);

export const ScenarioHealthChecksQuery = graphql(`
  query ScenarioHealthChecks($id: ID!) {
    scenario(id: $id) {
      id
      version
      healthChecks {
        ...HealthCheckFields
      }
    }
  }
`);

/** The scenario's design: teams with their positions (closed ones included) and actions. */
export const ScenarioDesignFragment = graphql(`
  fragment ScenarioDesignFields on Scenario {
    id
    name
    description
    status
    base
    version
    asOfDate
    effectiveDate
    createdByName
    submittedByName
    approvedByName
    approvedAt
    merger {
      id
      name
      effectiveDate
      targetOffice {
        id
        name
      }
    }
    offices {
      id
      code
      name
    }
    teams {
      id
      name
      purpose
      action
      effectiveDate
      wave
      office {
        id
        name
      }
      parent {
        id
      }
      sourceTeam {
        id
        name
      }
      services {
        id
        name
      }
      positions {
        id
        action
        effectiveDate
        wave
        fte
        isVacant
        role {
          id
          name
        }
        person {
          id
          name
        }
        reportsTo {
          id
          person {
            id
            name
          }
          role {
            id
            name
          }
        }
      }
    }
  }
`);

export const ScenarioChangesQuery = graphql(`
  query ScenarioChanges($id: ID!, $first: Int, $after: String) {
    scenario(id: $id) {
      id
      changes(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            version
            kind
            summary
            undone
            actorName
            createdAt
          }
        }
      }
    }
  }
`);

/** The compare page: the scenario's design and impact, and what it can be compared with. */
export const ScenarioCompareQuery = graphql(`
  query ScenarioCompare($id: ID!) {
    scenario(id: $id) {
      ...ScenarioDesignFields
      impact {
        ...ScenarioImpactFields
      }
    }
  }
`);

export const CompareCandidatesQuery = graphql(`
  query ScenarioCompareCandidates($filter: ScenarioFilter) {
    scenarios(first: 100, filter: $filter) {
      edges {
        node {
          id
          name
          status
          merger {
            id
          }
          offices {
            id
          }
        }
      }
    }
  }
`);

/** The other side of a comparison (another scenario): its name and impact. */
export const CompareOtherQuery = graphql(`
  query ScenarioCompareOther($id: ID!) {
    scenario(id: $id) {
      id
      name
      status
      impact {
        ...ScenarioImpactFields
      }
    }
  }
`);

export const ScenarioGraphQuery = graphql(`
  query ScenarioGraphView($id: ID!, $compareTo: ID) {
    scenarioGraph(id: $id, compareTo: $compareTo) {
      asOf
      nodes {
        id
        type
        label
        parent
        officeId
        code
        status
        isPilot
        isSpearhead
        employer
        roleName
        roleCategory
        fte
        provider
        collapsed
        teamCount
        personCount
        change
      }
      edges {
        id
        source
        target
        type
      }
    }
  }
`);

export const ScenarioPrintQuery = graphql(`
  query ScenarioPrint($id: ID!) {
    scenario(id: $id) {
      ...ScenarioDesignFields
      comments {
        id
        status
        text
        authorName
        createdAt
      }
      impact {
        ...ScenarioImpactFields
      }
      healthChecks {
        ...HealthCheckFields
      }
    }
  }
`);

export const HealthCheckSettingsFragment = graphql(`
  fragment HealthCheckSettingsFields on HealthCheckSettings {
    maxSpan
    minSpan
    maxLayers
    minTeamSize
    maxFte
    version
  }
`);

export const HealthCheckSettingsQuery = graphql(`
  query HealthCheckSettings {
    healthCheckSettings {
      ...HealthCheckSettingsFields
    }
  }
`);

export const UpdateHealthCheckSettingsMutation = graphql(`
  mutation UpdateHealthCheckSettings($input: UpdateHealthCheckSettingsInput!) {
    updateHealthCheckSettings(input: $input) {
      __typename
      ... on UpdateHealthCheckSettingsPayload {
        settings {
          ...HealthCheckSettingsFields
        }
      }
      ... on Error {
        code
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
      ... on ConflictError {
        changedFields
      }
    }
  }
`);

export const ScenarioExportQuery = graphql(`
  query ScenarioExport($id: ID!) {
    scenarioExport(id: $id, format: XLSX) {
      fileName
      contentType
      contentBase64
    }
  }
`);
