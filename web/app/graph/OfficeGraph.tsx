// A compact, read-only graph of one office for the office page, with a link to the
// full explorer.
import { BodyShort, Link, VStack } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { ErrorState, LoadingMessage } from "../components/States";
import { GraphCanvas } from "./GraphCanvas";
import { fetchOrgGraph, filterGraph, readViewState, toElements, type OrgGraphData } from "./model";
import { gt } from "./texts";
import "./graph.css";

export function OfficeGraph(props: { officeId: string; height?: number }) {
  const [state, setState] = useState<{ status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; data: OrgGraphData }>({
    status: "loading",
  });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    const view = { ...readViewState(new URLSearchParams()), officeIds: [props.officeId] };
    fetchOrgGraph(view, controller.signal).then(
      (data) => setState({ status: "ok", data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [props.officeId]);

  const filtered = useMemo(
    () =>
      state.status === "ok"
        ? filterGraph(state.data, { employer: null, roleCategory: null, serviceId: null, teamId: null, collapsedIds: [] })
        : null,
    [state],
  );
  const elements = useMemo(() => (filtered ? toElements(filtered, (teams, people) => gt("graph.count", { teams, people })) : []), [filtered]);
  const link = `/organisasjon?kontor=${encodeURIComponent(props.officeId)}`;
  const people = filtered?.nodes.filter((n) => n.type === "PERSON").length ?? 0;
  const teams = filtered?.nodes.filter((n) => n.type === "TEAM").length ?? 0;

  return (
    <VStack gap="space-8" data-testid="office-graph">
      {state.status === "loading" && <LoadingMessage text={gt("graph.loading")} />}
      {state.status === "error" && <ErrorState title={gt("graph.error")} error={state.error} />}
      {state.status === "ok" && (
        <>
          <GraphCanvas
            elements={elements}
            layout="fcose"
            selectedId={null}
            ariaLabel={`${gt("graph.office.label")}: ${gt("graph.count", { teams, people })}`}
            height={props.height ?? 360}
          />
          <BodyShort size="small">{gt("graph.count", { teams, people })}</BodyShort>
        </>
      )}
      <Link as={RemixLink} to={link}>
        {gt("graph.office.open")}
      </Link>
    </VStack>
  );
}
