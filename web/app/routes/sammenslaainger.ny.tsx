// /sammenslaainger/ny: "Foreslå sammenslåing": two or more active source offices into a
// new office (code and name) or a planned one, on an effective date. Planners and admins.
import { ArrowLeftIcon } from "@navikt/aksel-icons";
import { BodyLong, Button, Heading, HStack, Link, Radio, RadioGroup, Textarea, TextField, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useNavigate, type MetaFunction } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { useAuth } from "../auth";
import { request } from "../graphql";
import { DateField, errorsFromResult, FormErrorSummary, INVALID_DATE, type FormErrors } from "../hr/components";
import { t } from "../i18n";
import { ProposeMergerMutation } from "../scenarios/editor/documents";
import { useFormSubmission } from "../scenarios/editor/form-submission";
import { mayEditScenarios, outcomeOf } from "../scenarios/editor/model";
import { OfficePicker, type OfficeChoice } from "../scenarios/editor/OfficePicker";

export const meta: MetaFunction = () => [{ title: `${t("mergerPropose.title")} – ${t("app.name")}` }];

const OFFICE_CODE = /^\d{4}$/;

export default function ProposeMergerRoute() {
  const { user } = useAuth();
  const back = (
    <div>
      <Link as={RemixLink} to="/sammenslaainger">
        <ArrowLeftIcon aria-hidden />
        {t("mergerDetail.back")}
      </Link>
    </div>
  );
  if (!mayEditScenarios(user.roles)) {
    return (
      <VStack gap="space-16" align="start">
        {back}
        <Heading level="1" size="large">
          {t("mergerPropose.noAccess.title")}
        </Heading>
        <BodyLong>{t("mergerPropose.noAccess.body")}</BodyLong>
      </VStack>
    );
  }
  return (
    <VStack gap="space-24">
      {back}
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {t("mergerPropose.title")}
        </Heading>
        <BodyLong>{t("mergerPropose.intro")}</BodyLong>
      </VStack>
      <ProposeMergerForm />
    </VStack>
  );
}

function ProposeMergerForm() {
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [sources, setSources] = useState<OfficeChoice[]>([]);
  const [targetMode, setTargetMode] = useState<"new" | "planned">("new");
  const [targetCode, setTargetCode] = useState("");
  const [targetName, setTargetName] = useState("");
  const [planned, setPlanned] = useState<OfficeChoice[]>([]);
  const [effectiveDate, setEffectiveDate] = useState("");
  const [description, setDescription] = useState("");
  const { errors, busy, summaryRef, submit } = useFormSubmission();

  const labels: Record<string, string> = {
    "merger-name": t("mergerPropose.name"),
    "merger-sources": t("mergerPropose.sources"),
    "merger-target-mode": t("mergerPropose.target"),
    "merger-target-code": t("mergerPropose.targetCode"),
    "merger-target-name": t("mergerPropose.targetName"),
    "merger-target-planned": t("mergerPropose.targetPlanned"),
    "merger-date": t("mergerPropose.effectiveDate"),
    "merger-description": t("mergerPropose.description"),
  };
  const requiredText = (id: string) => t("scenarioEditor.form.required", { field: labels[id]!.toLowerCase() });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormErrors = {};
    if (!name.trim()) found["merger-name"] = requiredText("merger-name");
    if (sources.length < 2) found["merger-sources"] = t("mergerPropose.sourcesTooFew");
    if (targetMode === "new") {
      if (!OFFICE_CODE.test(targetCode.trim())) found["merger-target-code"] = t("mergerPropose.targetCodeInvalid");
      if (!targetName.trim()) found["merger-target-name"] = requiredText("merger-target-name");
    } else if (planned.length === 0) found["merger-target-planned"] = requiredText("merger-target-planned");
    if (!effectiveDate) found["merger-date"] = requiredText("merger-date");
    else if (effectiveDate === INVALID_DATE) found["merger-date"] = t("scenarioEditor.form.dateInvalid");
    void submit(found, async () => {
      const data = await request(ProposeMergerMutation, {
        input: {
          name: name.trim(),
          sourceOfficeIds: sources.map((office) => office.id),
          ...(targetMode === "new"
            ? { newTargetOffice: { code: targetCode.trim(), name: targetName.trim() } }
            : { targetOfficeId: planned[0]!.id }),
          effectiveDate,
          ...(description.trim() ? { description: description.trim() } : {}),
        },
      });
      const result = data.proposeMerger;
      if (result.__typename === "ProposeMergerPayload")
        return navigate(`/sammenslaainger/${encodeURIComponent(result.merger.id)}`);
      const outcome = outcomeOf(result);
      return outcome.ok
        ? undefined
        : errorsFromResult(outcome.error, {
            name: "merger-name",
            sourceOfficeIds: "merger-sources",
            targetOfficeId: targetMode === "new" ? "merger-target-code" : "merger-target-planned",
            "newTargetOffice.code": "merger-target-code",
            "newTargetOffice.name": "merger-target-name",
            newTargetOffice: "merger-target-code",
            effectiveDate: "merger-date",
            description: "merger-description",
          });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate style={{ maxWidth: "40rem" }}>
      <VStack gap="space-20">
        <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
        <TextField
          id="merger-name"
          label={labels["merger-name"]}
          description={t("mergerPropose.nameDescription")}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors["merger-name"]}
          autoComplete="off"
        />
        <OfficePicker
          id="merger-sources"
          label={labels["merger-sources"]!}
          description={t("mergerPropose.sourcesDescription")}
          statuses={["ACTIVE"]}
          multiple
          value={sources}
          onChange={setSources}
          error={errors["merger-sources"]}
        />
        <RadioGroup
          id="merger-target-mode"
          legend={labels["merger-target-mode"]}
          value={targetMode}
          onChange={(value: "new" | "planned") => setTargetMode(value)}
        >
          <Radio value="new">{t("mergerPropose.target.new")}</Radio>
          <Radio value="planned">{t("mergerPropose.target.planned")}</Radio>
        </RadioGroup>
        {targetMode === "new" ? (
          <HStack gap="space-16" align="start" wrap>
            <TextField
              id="merger-target-code"
              label={labels["merger-target-code"]}
              description={t("mergerPropose.targetCodeDescription")}
              inputMode="numeric"
              htmlSize={6}
              value={targetCode}
              onChange={(event) => setTargetCode(event.target.value)}
              error={errors["merger-target-code"]}
              autoComplete="off"
            />
            <TextField
              id="merger-target-name"
              label={labels["merger-target-name"]}
              description={t("mergerPropose.targetNameDescription")}
              value={targetName}
              onChange={(event) => setTargetName(event.target.value)}
              error={errors["merger-target-name"]}
              autoComplete="off"
            />
          </HStack>
        ) : (
          <OfficePicker
            id="merger-target-planned"
            label={labels["merger-target-planned"]!}
            statuses={["PLANNED"]}
            value={planned}
            onChange={setPlanned}
            error={errors["merger-target-planned"]}
          />
        )}
        <DateField id="merger-date" label={labels["merger-date"]!} onChange={setEffectiveDate} error={errors["merger-date"]} />
        <Textarea
          id="merger-description"
          label={labels["merger-description"]}
          description={t("scenarioEditor.form.optional")}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          error={errors["merger-description"]}
          minRows={3}
        />
        <HStack gap="space-16">
          <Button type="submit" loading={busy}>
            {t("mergerPropose.submit")}
          </Button>
          <Button as={RemixLink} to="/sammenslaainger" variant="secondary">
            {t("scenarioEditor.form.cancel")}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
