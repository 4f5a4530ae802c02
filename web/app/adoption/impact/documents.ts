// GraphQL documents of the impact analysis. The API computes the estimate (in SQL); the
// screen only words and draws it.
import { graphql } from "../../graphql";

/** What the selects offer: practices in use and the KPI catalogue. */
export const ImpactChoicesQuery = graphql(`
  query ImpactChoices {
    practices {
      id
      code
      name
    }
    kpis {
      id
      code
      name
      unit
      direction
    }
  }
`);

export const AdoptionImpactQuery = graphql(`
  query AdoptionImpact($practiceId: ID!, $kpiId: ID!, $windowMonths: Int!) {
    adoptionImpact(practiceId: $practiceId, kpiId: $kpiId, windowMonths: $windowMonths) {
      __typename
      ... on Error {
        message
      }
      ... on AdoptionImpact {
        windowMonths
        estimate
        standardError
        confidenceLow
        confidenceHigh
        treatedOfficeCount
        controlOfficeCount
        improved
        practice {
          id
          name
        }
        kpi {
          id
          name
          unit
          direction
        }
        offices {
          office {
            id
            name
          }
          adoptedPeriod
          beforeMean
          afterMean
          controlBeforeMean
          controlAfterMean
          controlOfficeCount
          difference
        }
        eventTime {
          relativeMonth
          treatedMean
          controlMean
          treatedCount
          controlCount
        }
      }
    }
  }
`);
