// GraphQL documents of the HR screens and "Mitt kontor" (typed by graphql-codegen).
import { graphql } from "../graphql";

export const HrPeopleQuery = graphql(`
  query HrPeople($filter: PeopleFilter, $first: Int, $after: String) {
    people(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          employer
          ssoUser {
            username
          }
          assignments {
            id
            role {
              id
              name
            }
            team {
              id
              name
              office {
                id
                code
                name
              }
            }
          }
        }
      }
    }
  }
`);

export const HrRolesQuery = graphql(`
  query HrRoles {
    roles {
      id
      code
      name
      category
    }
  }
`);

export const HrOfficeSearchQuery = graphql(`
  query HrOfficeSearch($text: String, $id: ID!, $withSelected: Boolean!) {
    offices(filter: { text: $text }, first: 20) {
      edges {
        node {
          id
          code
          name
          status
        }
      }
    }
    office(id: $id) @include(if: $withSelected) {
      id
      code
      name
      status
    }
  }
`);

export const HrOfficeTeamsQuery = graphql(`
  query HrOfficeTeams($id: ID!) {
    office(id: $id) {
      id
      teams {
        id
        name
        parent {
          id
          name
        }
      }
    }
  }
`);

export const HrPersonSearchQuery = graphql(`
  query HrPersonSearch($text: String) {
    people(text: $text, first: 20) {
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

export const HrPersonQuery = graphql(`
  query HrPerson($id: ID!, $today: Date!) {
    person(id: $id) {
      id
      name
      email
      employer
      ssoSubject
      ssoUser {
        username
        email
        name
      }
      fteOn(date: $today)
      assignments(includeEnded: true) {
        id
        fte
        startDate
        endDate
        isCurrent
        version
        role {
          id
          name
          code
        }
        team {
          id
          name
          office {
            id
            code
            name
            status
          }
        }
        reportsTo {
          id
          name
        }
      }
    }
  }
`);

export const HrPersonFteQuery = graphql(`
  query HrPersonFte($personId: ID!, $date: Date!) {
    personFte(personId: $personId, date: $date)
  }
`);

export const AssignRoleMutation = graphql(`
  mutation HrAssignRole($input: AssignRoleInput!) {
    assignRole(input: $input) {
      __typename
      ... on AssignRolePayload {
        assignment {
          id
          role {
            name
          }
          team {
            name
          }
          person {
            id
            name
          }
        }
      }
      ...MutationError
    }
  }
`);

export const EndAssignmentMutation = graphql(`
  mutation HrEndAssignment($input: EndAssignmentInput!) {
    endAssignment(input: $input) {
      __typename
      ... on EndAssignmentPayload {
        assignment {
          id
          endDate
        }
      }
      ...MutationError
    }
  }
`);

export const ChangeAssignmentMutation = graphql(`
  mutation HrChangeAssignment($input: ChangeAssignmentInput!) {
    changeAssignment(input: $input) {
      __typename
      ... on ChangeAssignmentPayload {
        assignment {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const MovePersonMutation = graphql(`
  mutation HrMovePerson($input: MovePersonToTeamInput!) {
    movePersonToTeam(input: $input) {
      __typename
      ... on MovePersonToTeamPayload {
        person {
          id
        }
      }
      ...MutationError
    }
  }
`);

export const LinkSsoMutation = graphql(`
  mutation HrLinkSso($input: LinkPersonToSsoUserInput!) {
    linkPersonToSsoUser(input: $input) {
      __typename
      ... on LinkPersonToSsoUserPayload {
        person {
          id
          ssoUser {
            username
          }
        }
      }
      ...MutationError
    }
  }
`);

export const UnlinkSsoMutation = graphql(`
  mutation HrUnlinkSso($input: UnlinkPersonFromSsoUserInput!) {
    unlinkPersonFromSsoUser(input: $input) {
      __typename
      ... on Error {
        code
        message
      }
    }
  }
`);

export const ImportAssignmentsMutation = graphql(`
  mutation HrImportAssignments($input: ImportAssignmentsInput!) {
    importAssignments(input: $input) {
      dryRun
      fileName
      imported
      rowCount
      errors {
        row
        column
        message
      }
      rows {
        row
        email
        personName
        roleCode
        officeCode
        teamName
        fte
        startDate
        endDate
        reportsToEmail
      }
    }
  }
`);

export const AuditEventsQuery = graphql(`
  query HrAuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorName
          actorSubject
          entityType
          entityId
          entityName
          changes {
            field
            kind
            before
            after
            beforeRaw
            afterRaw
          }
          createdAt
        }
      }
    }
  }
`);

export const AuditEventsExportQuery = graphql(`
  query HrAuditEventsExport($filter: AuditEventFilter, $format: ExportFormat!) {
    auditEventsExport(filter: $filter, format: $format) {
      fileName
      contentType
      contentBase64
    }
  }
`);

export const MyOfficesQuery = graphql(`
  query MyOffices {
    viewer {
      name
      person {
        id
        name
      }
      ledOffices {
        id
        code
        name
        status
        isPilot
        isSpearhead
        teamCount
      }
    }
  }
`);
