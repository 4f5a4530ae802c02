// GraphQL documents of the merger pages, the scenario list and the scenario editor
// (typed by graphql-codegen from the SDL the API prints).
import { graphql } from "../../graphql";

// Mutation errors use MutationError (web/app/graphql/mutation-error.ts): code, message and a
// ValidationError's field errors; a ConflictError's message names what changed since.

// --- mergers --------------------------------------------------------------------------

export const MergerDetailQuery = graphql(`
  query MergerDetail($id: ID!) {
    merger(id: $id) {
      id
      name
      description
      status
      effectiveDate
      inEffect
      version
      updatedAt
      sourceOffices {
        id
        code
        name
        status
      }
      targetOffice {
        id
        code
        name
        status
      }
      scenarios {
        id
        name
        status
        base
        version
        approvedByName
        approvedAt
        createdByName
        updatedAt
        appliedAt
      }
    }
  }
`);

export const OfficeChoicesQuery = graphql(`
  query ScenarioOfficeChoices($text: String, $status: [OfficeStatus!]) {
    offices(filter: { text: $text, status: $status }, first: 30) {
      edges {
        node {
          id
          code
          name
          status
        }
      }
    }
  }
`);

export const OfficeByCodeQuery = graphql(`
  query ScenarioOfficeByCode($code: String!) {
    officeByCode(code: $code) {
      id
      code
      name
      status
    }
  }
`);

export const ProposeMergerMutation = graphql(`
  mutation ProposeMerger($input: ProposeMergerInput!) {
    proposeMerger(input: $input) {
      __typename
      ... on ProposeMergerPayload {
        merger {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateMergerMutation = graphql(`
  mutation UpdateMergerStatus($input: UpdateMergerInput!) {
    updateMerger(input: $input) {
      __typename
      ... on UpdateMergerPayload {
        merger {
          id
          status
          inEffect
          version
        }
      }
      ...MutationError
    }
  }
`);

// --- scenarios ------------------------------------------------------------------------

export const ScenarioListQuery = graphql(`
  query ScenarioList($filter: ScenarioFilter, $first: Int, $after: String) {
    scenarios(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          status
          base
          version
          createdByName
          approvedByName
          updatedAt
          merger {
            id
            name
          }
          offices {
            id
            code
            name
          }
        }
      }
    }
  }
`);

export const BaseScenarioChoicesQuery = graphql(`
  query BaseScenarioChoices($filter: ScenarioFilter) {
    scenarios(filter: $filter, first: 100) {
      edges {
        node {
          id
          name
          status
          merger {
            id
            name
          }
        }
      }
    }
  }
`);

export const CreateScenarioMutation = graphql(`
  mutation CreateScenario($input: CreateScenarioInput!) {
    createScenario(input: $input) {
      __typename
      ... on CreateScenarioPayload {
        scenario {
          id
          name
        }
      }
      ...MutationError
    }
  }
`);

export const ScenarioEditorQuery = graphql(`
  query ScenarioEditor($id: ID!) {
    scenario(id: $id) {
      id
      name
      description
      status
      base
      version
      asOfDate
      effectiveDate
      createdByName
      createdAt
      submittedByName
      submittedAt
      approvedByName
      approvedAt
      appliedAt
      viewerCanEdit
      viewerCanApprove
      undoableChanges
      nextUndoChange {
        id
        summary
        actorName
        byViewer
      }
      merger {
        id
        name
        status
        targetOffice {
          id
          code
          name
        }
      }
      offices {
        id
        code
        name
      }
      baseScenario {
        id
        name
      }
      templateOffice {
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
        parent {
          id
        }
        office {
          id
          code
          name
        }
        sourceTeam {
          id
          name
        }
        services {
          id
          code
          name
        }
        positions {
          id
          fte
          isVacant
          action
          effectiveDate
          wave
          role {
            id
            name
            category
          }
          person {
            id
            name
          }
          reportsTo {
            id
          }
        }
      }
      comments {
        id
        status
        text
        authorName
        createdAt
      }
    }
  }
`);

export const ScenarioCataloguesQuery = graphql(`
  query ScenarioCatalogues {
    roles {
      id
      code
      name
      category
    }
    services {
      id
      code
      name
      provider
    }
  }
`);

export const PeopleWithoutPositionQuery = graphql(`
  query ScenarioPeopleWithoutPosition($id: ID!) {
    scenario(id: $id) {
      id
      version
      impact {
        peopleWithoutPosition {
          id
          name
        }
      }
    }
  }
`);

// --- edits (each sends the scenario's version; the editor refetches afterwards) ---------

export const UpdateScenarioMutation = graphql(`
  mutation UpdateScenario($input: UpdateScenarioInput!) {
    updateScenario(input: $input) {
      __typename
      ... on UpdateScenarioPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const AddScenarioTeamMutation = graphql(`
  mutation AddScenarioTeam($input: AddScenarioTeamInput!) {
    addScenarioTeam(input: $input) {
      __typename
      ... on AddScenarioTeamPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateScenarioTeamMutation = graphql(`
  mutation UpdateScenarioTeam($input: UpdateScenarioTeamInput!) {
    updateScenarioTeam(input: $input) {
      __typename
      ... on UpdateScenarioTeamPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const MoveScenarioTeamMutation = graphql(`
  mutation MoveScenarioTeam($input: MoveScenarioTeamInput!) {
    moveScenarioTeam(input: $input) {
      __typename
      ... on MoveScenarioTeamPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const SplitScenarioTeamMutation = graphql(`
  mutation SplitScenarioTeam($input: SplitScenarioTeamInput!) {
    splitScenarioTeam(input: $input) {
      __typename
      ... on SplitScenarioTeamPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const MergeScenarioTeamsMutation = graphql(`
  mutation MergeScenarioTeams($input: MergeScenarioTeamsInput!) {
    mergeScenarioTeams(input: $input) {
      __typename
      ... on MergeScenarioTeamsPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const CloseScenarioTeamMutation = graphql(`
  mutation CloseScenarioTeam($input: CloseScenarioTeamInput!) {
    closeScenarioTeam(input: $input) {
      __typename
      ... on CloseScenarioTeamPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const SetScenarioTeamServicesMutation = graphql(`
  mutation SetScenarioTeamServices($input: SetScenarioTeamServicesInput!) {
    setScenarioTeamServices(input: $input) {
      __typename
      ... on SetScenarioTeamServicesPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const AddScenarioPositionMutation = graphql(`
  mutation AddScenarioPosition($input: AddScenarioPositionInput!) {
    addScenarioPosition(input: $input) {
      __typename
      ... on AddScenarioPositionPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const UpdateScenarioPositionMutation = graphql(`
  mutation UpdateScenarioPosition($input: UpdateScenarioPositionInput!) {
    updateScenarioPosition(input: $input) {
      __typename
      ... on UpdateScenarioPositionPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const CloseScenarioPositionMutation = graphql(`
  mutation CloseScenarioPosition($input: CloseScenarioPositionInput!) {
    closeScenarioPosition(input: $input) {
      __typename
      ... on CloseScenarioPositionPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const MoveScenarioPersonMutation = graphql(`
  mutation MoveScenarioPerson($input: MoveScenarioPersonInput!) {
    moveScenarioPerson(input: $input) {
      __typename
      ... on MoveScenarioPersonPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

export const UndoScenarioChangesMutation = graphql(`
  mutation UndoScenarioChanges($input: UndoScenarioChangesInput!) {
    undoScenarioChanges(input: $input) {
      __typename
      ... on UndoScenarioChangesPayload {
        scenario {
          id
          version
        }
      }
      ...MutationError
    }
  }
`);

// --- review ---------------------------------------------------------------------------

export const SubmitScenarioMutation = graphql(`
  mutation SubmitScenario($input: SubmitScenarioInput!) {
    submitScenario(input: $input) {
      __typename
      ... on SubmitScenarioPayload {
        scenario {
          id
          version
          status
        }
      }
      ...MutationError
    }
  }
`);

export const ApproveScenarioMutation = graphql(`
  mutation ApproveScenario($input: ApproveScenarioInput!) {
    approveScenario(input: $input) {
      __typename
      ... on ApproveScenarioPayload {
        scenario {
          id
          version
          status
        }
      }
      ...MutationError
    }
  }
`);

export const ReturnScenarioMutation = graphql(`
  mutation ReturnScenario($input: ReturnScenarioInput!) {
    returnScenario(input: $input) {
      __typename
      ... on ReturnScenarioPayload {
        scenario {
          id
          version
          status
        }
      }
      ...MutationError
    }
  }
`);

export const ArchiveScenarioMutation = graphql(`
  mutation ArchiveScenario($input: ArchiveScenarioInput!) {
    archiveScenario(input: $input) {
      __typename
      ... on ArchiveScenarioPayload {
        scenario {
          id
          version
          status
        }
      }
      ...MutationError
    }
  }
`);
