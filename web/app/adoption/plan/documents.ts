// GraphQL documents of the rollout plan (/innforing/plan). Every mutation selects the
// shared MutationError fragment so its typed errors can be shown at their fields.
import { graphql } from "../../graphql";

export const RolloutPlanQuery = graphql(`
  query RolloutPlan {
    rolloutWaves {
      id
      name
      ordinal
      isPilot
      description
      plannedStart
      targetDate
      version
      officeCount
      rollouts {
        id
        plannedStart
        targetDate
        reportingFrom
        joinedAt
        version
        office {
          id
          code
          name
          rolloutHistory {
            id
            joinedAt
            leftAt
            leftReason
            plannedStart
            targetDate
            wave {
              id
              name
            }
          }
        }
        practicePlans {
          plannedStart
          targetDate
          overridden
          practice {
            id
            name
          }
        }
      }
    }
  }
`);

export const OfficesWithoutRolloutQuery = graphql(`
  query OfficesWithoutRollout {
    officesWithoutRollout {
      id
      code
      name
    }
  }
`);

export const CreateRolloutWaveMutation = graphql(`
  mutation CreateRolloutWave($input: CreateRolloutWaveInput!) {
    createRolloutWave(input: $input) {
      __typename
      ... on CreateRolloutWavePayload {
        rolloutWave {
          id
          name
        }
      }
      ...MutationError
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

export const UpdateRolloutWaveMutation = graphql(`
  mutation UpdateRolloutWave($input: UpdateRolloutWaveInput!) {
    updateRolloutWave(input: $input) {
      __typename
      ... on UpdateRolloutWavePayload {
        rolloutWave {
          id
          version
        }
      }
      ...MutationError
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

export const AddOfficesToWaveMutation = graphql(`
  mutation AddOfficesToWave($input: AddOfficesToWaveInput!) {
    addOfficesToWave(input: $input) {
      __typename
      ... on AddOfficesToWavePayload {
        rolloutWave {
          id
          officeCount
        }
      }
      ...MutationError
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

export const MoveOfficeToWaveMutation = graphql(`
  mutation MoveOfficeToWave($input: MoveOfficeToWaveInput!) {
    moveOfficeToWave(input: $input) {
      __typename
      ... on MoveOfficeToWavePayload {
        officeRollout {
          id
        }
      }
      ...MutationError
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

export const UpdateOfficeRolloutMutation = graphql(`
  mutation UpdateOfficeRollout($input: UpdateOfficeRolloutInput!) {
    updateOfficeRollout(input: $input) {
      __typename
      ... on UpdateOfficeRolloutPayload {
        officeRollout {
          id
          version
        }
      }
      ...MutationError
      ... on ConflictError {
        currentVersion
      }
    }
  }
`);

/** What moving the office would do to its monthly reports, shown before the planner confirms. */
export const RolloutMovePreviewQuery = graphql(`
  query RolloutMovePreview($input: RolloutMovePreviewInput!) {
    rolloutMovePreview(input: $input) {
      plannedStart
      earliestReportingFrom
      reportingFrom
      currentMonth
      before {
        overdueCount
      }
      after {
        overdueCount
        overduePeriods
        dueCount
      }
      afterFromStart {
        overdueCount
      }
    }
  }
`);
