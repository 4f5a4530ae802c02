// Case flows of one service side by side: the key figures per office (lead time and how
// much longer than the fastest, waiting share, hand-offs), a bar per office, and the
// steps aligned by common stage with the spread per stage. Differences are said in words
// and marked with text, never by colour alone.
import { BodyLong, BodyShort, Detail, Heading, Table, Tag, VStack } from "@navikt/ds-react";
import { formatDate, t } from "../../i18n";
import type { CaseFlowComparisonData, ComparedOffice } from "./data";
import { formatDecimal, formatShare, formatSigned } from "./format";

type FlowOffice = CaseFlowComparisonData["offices"][number];

const days = (value: number) => (value === 1 ? t("compare.flow.day") : t("compare.flow.days", { days: formatDecimal(value) }));

export function CaseFlowComparison({
  comparison,
  stageNames,
  offices,
}: {
  comparison: CaseFlowComparisonData;
  stageNames: Map<string, string>;
  offices: ComparedOffice[];
}) {
  const officeName = new Map(offices.map((office) => [office.id, office.name]));
  const withFlow = comparison.offices.filter((office) => office.totalLeadTimeDays != null);
  const slowest = withFlow.reduce<FlowOffice | null>(
    (worst, office) => (!worst || (office.totalLeadTimeDays ?? 0) > (worst.totalLeadTimeDays ?? 0) ? office : worst),
    null,
  );
  const fastest = withFlow.find((office) => office.officeId === comparison.fastestOfficeId) ?? null;

  return (
    <VStack gap="space-24">
      <LeadTimeHeadline fastest={fastest} slowest={slowest} officeName={officeName} flowCount={withFlow.length} />
      <KeyFigures comparison={comparison} officeName={officeName} />
      <LeadTimeBars comparison={comparison} officeName={officeName} />
      <StageTable comparison={comparison} stageNames={stageNames} officeName={officeName} />
    </VStack>
  );
}

function LeadTimeHeadline({
  fastest,
  slowest,
  officeName,
  flowCount,
}: {
  fastest: FlowOffice | null;
  slowest: FlowOffice | null;
  officeName: Map<string, string>;
  flowCount: number;
}) {
  if (!fastest || fastest.totalLeadTimeDays == null) return null;
  const fastestText = t("compare.flow.fastest", { office: officeName.get(fastest.officeId) ?? "", days: days(fastest.totalLeadTimeDays) });
  if (flowCount < 2 || !slowest || slowest.officeId === fastest.officeId || slowest.totalLeadTimeDays == null) {
    return (
      <BodyLong size="large" weight="semibold" data-testid="lead-time-headline">
        {fastestText}
      </BodyLong>
    );
  }
  return (
    <BodyLong size="large" weight="semibold" data-testid="lead-time-headline">
      {fastestText}{" "}
      {t("compare.flow.slowest", {
        office: officeName.get(slowest.officeId) ?? "",
        difference: days(slowest.totalLeadTimeDays - fastest.totalLeadTimeDays),
        days: days(slowest.totalLeadTimeDays),
      })}
    </BodyLong>
  );
}

function KeyFigures({ comparison, officeName }: { comparison: CaseFlowComparisonData; officeName: Map<string, string> }) {
  const flows = comparison.offices.filter((office) => office.totalLeadTimeDays != null);
  const lowest = (pick: (office: FlowOffice) => number | null | undefined) => {
    const values = flows.map(pick).filter((value): value is number => value != null);
    return values.length > 1 ? Math.min(...values) : null;
  };
  const bestShare = lowest((office) => office.waitingShare);
  const bestHandOffs = lowest((office) => office.handOffs);
  const largestDifference = Math.max(0, ...flows.map((office) => office.leadTimeDifferenceDays ?? 0));
  return (
    <div className="samla-compare-scroll" role="region" aria-labelledby="compare-flow-figures" tabIndex={0}>
      <Table size="small" data-testid="case-flow-figures">
        <caption id="compare-flow-figures" className="samla-compare-caption">
          {t("compare.flow.figuresCaption", { service: comparison.service.name })}
        </caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeader scope="col">{t("compare.flow.col.office")}</Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("compare.flow.col.leadTime")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("compare.flow.col.difference")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("compare.flow.col.waitingShare")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("compare.flow.col.handOffs")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col" align="right">
              {t("compare.flow.col.steps")}
            </Table.ColumnHeader>
            <Table.ColumnHeader scope="col">{t("compare.flow.col.recorded")}</Table.ColumnHeader>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {comparison.offices.map((office) => {
            const name = officeName.get(office.officeId) ?? "";
            if (office.totalLeadTimeDays == null) {
              return (
                <Table.Row key={office.officeId}>
                  <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
                  <Table.DataCell colSpan={6}>{t("compare.flow.noFlow")}</Table.DataCell>
                </Table.Row>
              );
            }
            const isFastest = office.officeId === comparison.fastestOfficeId && flows.length > 1;
            const isSlowest = largestDifference > 0 && office.leadTimeDifferenceDays === largestDifference;
            return (
              <Table.Row key={office.officeId} data-testid="case-flow-office">
                <Table.HeaderCell scope="row">
                  {name}{" "}
                  {isFastest && (
                    <Tag size="xsmall" variant="success">
                      {t("compare.flow.fastestTag")}
                    </Tag>
                  )}
                </Table.HeaderCell>
                <Table.DataCell align="right">{days(office.totalLeadTimeDays)}</Table.DataCell>
                <Table.DataCell align="right" className={isSlowest ? "samla-compare-worse" : undefined}>
                  {office.leadTimeDifferenceDays == null || flows.length < 2 ? (
                    "–"
                  ) : (
                    <>
                      {t(office.leadTimeDifferenceDays === 1 ? "compare.flow.dayMore" : "compare.flow.daysMore", {
                        days: formatSigned(office.leadTimeDifferenceDays),
                      })}
                      {isSlowest && <span className="samla-compare-note"> ({t("compare.flow.slowestInStage")})</span>}
                    </>
                  )}
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Best value={office.waitingShare} best={bestShare} format={formatShare} />
                </Table.DataCell>
                <Table.DataCell align="right">
                  <Best value={office.handOffs} best={bestHandOffs} format={(value) => String(value)} />
                </Table.DataCell>
                <Table.DataCell align="right">{office.stepCount}</Table.DataCell>
                <Table.DataCell>{office.recordedOn ? formatDate(office.recordedOn) : "–"}</Table.DataCell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </div>
  );
}

/** A figure, in bold and named "lavest" when it is the best among the compared flows. */
function Best({ value, best, format }: { value: number | null | undefined; best: number | null; format: (value: number) => string }) {
  if (value == null) return <>–</>;
  if (best === null || value !== best) return <>{format(value)}</>;
  return (
    <strong>
      {format(value)} <span className="samla-compare-note">({t("compare.flow.lowest")})</span>
    </strong>
  );
}

/** Lead time per office as a bar of working and waiting time; the table above has the numbers. */
function LeadTimeBars({ comparison, officeName }: { comparison: CaseFlowComparisonData; officeName: Map<string, string> }) {
  const flows = comparison.offices.filter((office) => office.totalLeadTimeDays != null);
  const longest = Math.max(...flows.map((office) => office.totalLeadTimeDays ?? 0), 1);
  if (flows.length === 0) return null;
  return (
    <figure className="samla-compare-bars" aria-hidden>
      {flows.map((office) => {
        const working = office.workingDays ?? 0;
        const waiting = office.waitingDays ?? 0;
        return (
          <div key={office.officeId} className="samla-compare-bar-row">
            <span className="samla-compare-bar-label">{officeName.get(office.officeId)}</span>
            <span className="samla-compare-bar-track">
              <span className="samla-compare-bar-working" style={{ width: `${(working / longest) * 100}%` }} />
              <span className="samla-compare-bar-waiting" style={{ width: `${(waiting / longest) * 100}%` }} />
            </span>
            <span className="samla-compare-bar-value">{days(office.totalLeadTimeDays ?? 0)}</span>
          </div>
        );
      })}
      <figcaption>
        <Detail textColor="subtle">
          <span className="samla-compare-bar-working samla-compare-bar-key" /> {t("compare.flow.working")}{" "}
          <span className="samla-compare-bar-waiting samla-compare-bar-key" /> {t("compare.flow.waiting")}
        </Detail>
      </figcaption>
    </figure>
  );
}

function StageTable({
  comparison,
  stageNames,
  officeName,
}: {
  comparison: CaseFlowComparisonData;
  stageNames: Map<string, string>;
  officeName: Map<string, string>;
}) {
  const flows = comparison.offices.filter((office) => office.totalLeadTimeDays != null);
  const differenceOf = new Map(comparison.differences.map((difference) => [difference.stageKey, difference]));
  return (
    <VStack gap="space-8">
      <Heading level="3" size="small">
        {t("compare.flow.stagesHeading")}
      </Heading>
      <div className="samla-compare-scroll" role="region" aria-labelledby="compare-flow-stages" tabIndex={0}>
        <Table size="small" className="samla-compare-stages">
          <caption id="compare-flow-stages" className="samla-compare-caption">
            {t("compare.flow.stagesCaption")}
          </caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeader scope="col">{t("compare.flow.col.stage")}</Table.ColumnHeader>
              {flows.map((office) => (
                <Table.ColumnHeader key={office.officeId} scope="col">
                  {officeName.get(office.officeId)}
                </Table.ColumnHeader>
              ))}
              <Table.ColumnHeader scope="col">{t("compare.flow.col.spread")}</Table.ColumnHeader>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {comparison.stages.map((stageKey) => {
              const difference = differenceOf.get(stageKey);
              const marked = difference && difference.officeCount > 1 && difference.spreadDays > 0;
              return (
                <Table.Row key={stageKey}>
                  <Table.HeaderCell scope="row">{stageNames.get(stageKey) ?? stageKey}</Table.HeaderCell>
                  {flows.map((office) => {
                    const stage = office.stages.find((candidate) => candidate.stageKey === stageKey);
                    const slowest = marked && difference.slowestOfficeId === office.officeId;
                    const fastest = marked && difference.fastestOfficeId === office.officeId;
                    return (
                      <Table.DataCell key={office.officeId} className={slowest ? "samla-compare-worse" : fastest ? "samla-compare-better" : undefined}>
                        <StageCell stage={stage} slowest={Boolean(slowest)} fastest={Boolean(fastest)} />
                      </Table.DataCell>
                    );
                  })}
                  <Table.DataCell>
                    {difference && difference.officeCount > 1 ? (
                      <VStack gap="space-2">
                        <BodyShort weight={marked ? "semibold" : "regular"}>{days(difference.spreadDays)}</BodyShort>
                        {marked && (
                          <Detail>{t("compare.flow.fastestInStage", { office: officeName.get(difference.fastestOfficeId) ?? "" })}</Detail>
                        )}
                      </VStack>
                    ) : (
                      "–"
                    )}
                  </Table.DataCell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </VStack>
  );
}

function StageCell({ stage, slowest, fastest }: { stage: FlowOffice["stages"][number] | undefined; slowest: boolean; fastest: boolean }) {
  if (!stage || stage.steps.length === 0 || stage.leadTimeDays == null) {
    return <span className="samla-compare-note">{t("compare.flow.noStage")}</span>;
  }
  return (
    <VStack gap="space-4">
      <BodyShort weight="semibold">
        {days(stage.leadTimeDays)}
        {slowest && <span className="samla-compare-note"> ({t("compare.flow.slowestInStage")})</span>}
        {fastest && <span className="samla-compare-note"> ({t("compare.flow.fastestInStageShort")})</span>}
      </BodyShort>
      <ol className="samla-compare-steps">
        {stage.steps.map((step) => (
          <li key={step.stepId}>
            <BodyShort size="small">{step.name}</BodyShort>
            <Detail textColor="subtle">
              {[
                step.responsibleRoleName,
                t("compare.flow.stepTimes", { working: formatDecimal(step.durationDays), waiting: formatDecimal(step.waitingDays) }),
                step.handOffs > 0 ? t(step.handOffs === 1 ? "compare.flow.stepHandOff" : "compare.flow.stepHandOffs", { count: step.handOffs }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Detail>
          </li>
        ))}
      </ol>
    </VStack>
  );
}
