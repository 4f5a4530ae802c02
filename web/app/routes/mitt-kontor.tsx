// /mitt-kontor: the offices the signed-in office leader leads today (viewer.ledOffices),
// read on every visit: HR assigning or ending a leader role changes it at once.
import { BodyLong, BodyShort, Heading, HStack, Link, LinkCard, VStack } from "@navikt/ds-react";
import { Await, Link as RemixLink, type MetaFunction } from "@remix-run/react";
import { Suspense } from "react";
import { MyReportsCard } from "../adoption/reports/MyReportsCard";
import { PilotTags, StatusTag } from "../components/OfficeTags";
import { AwaitError, EmptyState, LoadingMessage } from "../components/States";
import { request, type ResultOf } from "../graphql";
import { t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { MyOfficesQuery } from "../hr/documents";
import { ht } from "../hr/texts";

export const meta: MetaFunction = () => [{ title: `${ht("myOffice.title")} – ${t("app.name")}` }];

type Viewer = ResultOf<typeof MyOfficesQuery>["viewer"];

export function clientLoader() {
  const viewer = request(MyOfficesQuery, {}).then((data) => data.viewer);
  viewer.catch(() => undefined);
  return { viewer };
}

export default function MyOfficeRoute() {
  const { viewer } = useClientLoaderData<typeof clientLoader>();
  return (
    <VStack gap="space-24">
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {ht("myOffice.title")}
        </Heading>
        <BodyShort>{ht("myOffice.intro")}</BodyShort>
      </VStack>
      <Suspense fallback={<LoadingMessage text={ht("myOffice.loading")} />}>
        <Await resolve={viewer} errorElement={<AwaitError title={ht("myOffice.error")} />}>
          {(loaded) => (
            <>
              {loaded.ledOffices.length > 0 && <MyReportsCard />}
              <LedOffices viewer={loaded} />
            </>
          )}
        </Await>
      </Suspense>
    </VStack>
  );
}

function LedOffices({ viewer }: { viewer: Viewer }) {
  if (viewer.ledOffices.length === 0) {
    return (
      <EmptyState title={ht("myOffice.empty.title")}>
        <BodyLong spacing={!viewer.person}>{ht("myOffice.empty.body")}</BodyLong>
        {!viewer.person && <BodyLong>{ht("myOffice.empty.noPerson")}</BodyLong>}
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="led-offices-heading">
      <Heading id="led-offices-heading" level="2" size="medium" spacing>
        {ht("myOffice.list")}
      </Heading>
      <VStack as="ul" gap="space-16" style={{ listStyle: "none", padding: 0, margin: 0, maxWidth: "40rem" }} data-testid="led-offices">
        {viewer.ledOffices.map((office) => (
          <li key={office.id}>
            <LinkCard>
              <LinkCard.Title>
                <LinkCard.Anchor asChild>
                  <RemixLink to={`/kontorer/${encodeURIComponent(office.id)}`}>
                    {office.name} ({office.code})
                  </RemixLink>
                </LinkCard.Anchor>
              </LinkCard.Title>
              <LinkCard.Description>{ht("myOffice.teams", { count: office.teamCount })}</LinkCard.Description>
              <LinkCard.Footer>
                <HStack gap="space-8">
                  <StatusTag status={office.status} />
                  <PilotTags isPilot={office.isPilot} isSpearhead={office.isSpearhead} />
                </HStack>
              </LinkCard.Footer>
            </LinkCard>
          </li>
        ))}
      </VStack>
      {/* Recording working methods is the leader's own task, so it is one click from here. */}
      <Heading level="3" size="small" spacing style={{ marginTop: "var(--ax-space-24)" }}>
        {t("record.title")}
      </Heading>
      <ul className="samla-plain-list">
        {viewer.ledOffices.map((office) => (
          <li key={office.id}>
            <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}/metodikk`}>
              {t("record.myOfficeLink", { office: office.name })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
