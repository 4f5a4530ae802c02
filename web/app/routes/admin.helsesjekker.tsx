// /admin/helsesjekker: the thresholds of the scenario health checks (admin only). Saves
// with the settings' version; a stale version keeps what the admin typed and shows what
// changed, and the API's typed errors show at their fields.
import { Alert, BodyLong, BodyShort, Button, Heading, HStack, Link, List, TextField, VStack } from "@navikt/ds-react";
import { Link as RemixLink, type MetaFunction } from "@remix-run/react";
import { useEffect, useState, type FormEvent } from "react";
import { signIn } from "../auth";
import { describeError, ErrorState, LoadingMessage } from "../components/States";
import { request } from "../graphql";
import { AdminSubNav } from "../methods/catalogue/components";
import { errorsFromResult, FormErrorSummary, useFocusOnErrors, type FormErrors } from "../hr/components";
import { formatPercent, t } from "../i18n";
import { useClientLoaderData } from "../routing";
import { HealthCheckSettingsQuery, UpdateHealthCheckSettingsMutation } from "../scenarios/analysis/documents";
import { checkName } from "../scenarios/analysis/HealthChecksView";
import { THRESHOLD_FIELDS as FIELDS, toValues, validateThresholds, type Settings, type Values } from "../scenarios/analysis/thresholds";


export const meta: MetaFunction = () => [{ title: `${t("analysis.settings.title")} – ${t("app.name")}` }];

export async function clientLoader() {
  const session = await signIn();
  return { allowed: session.user.roles.includes("admin") };
}

export default function HealthSettingsRoute() {
  const { allowed } = useClientLoaderData<typeof clientLoader>();
  if (!allowed) {
    return (
      <VStack gap="space-16" align="start" data-testid="no-access">
        <Heading level="1" size="large">
          {t("analysis.settings.noAccess.title")}
        </Heading>
        <BodyLong>{t("analysis.settings.noAccess.body")}</BodyLong>
        <Link as={RemixLink} to="/">
          {t("analysis.settings.noAccess.home")}
        </Link>
      </VStack>
    );
  }
  return <HealthSettings />;
}

type Loaded = { status: "loading" } | { status: "error"; error: unknown } | { status: "ok"; settings: Settings };

function HealthSettings() {
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const [attemptLoad, setAttemptLoad] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    request(HealthCheckSettingsQuery, {}, { signal: controller.signal }).then(
      (data) => setLoaded({ status: "ok", settings: data.healthCheckSettings }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [attemptLoad]);

  return (
    <VStack gap="space-24">
      <AdminSubNav />
      <VStack gap="space-8">
        <Heading level="1" size="xlarge">
          {t("analysis.settings.title")}
        </Heading>
        <BodyLong>{t("analysis.settings.intro")}</BodyLong>
      </VStack>
      {loaded.status === "loading" && <LoadingMessage text={t("analysis.settings.loading")} />}
      {loaded.status === "error" && (
        <VStack gap="space-8" align="start">
          <ErrorState title={t("analysis.settings.error")} error={loaded.error} />
          <Button type="button" size="small" variant="secondary" onClick={() => setAttemptLoad((n) => n + 1)}>
            {t("analysis.retry")}
          </Button>
        </VStack>
      )}
      {loaded.status === "ok" && <SettingsForm initial={loaded.settings} />}
    </VStack>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [saved, setSaved] = useState<Settings>(initial);
  const [values, setValues] = useState<Values>(() => toValues(initial));
  const [errors, setErrors] = useState<FormErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [conflict, setConflict] = useState<{ message: string; current: Settings } | null>(null);
  const summaryRef = useFocusOnErrors(errors, attempt);

  const labels = Object.fromEntries(FIELDS.map((field) => [field.id, t(field.labelKey)]));
  const fieldForPath = Object.fromEntries(FIELDS.map((field) => [field.name, field.id]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { errors: found, input } = validateThresholds(values);
    setErrors(found);
    setAttempt((n) => n + 1);
    if (!input) return;
    setBusy(true);
    try {
      const data = await request(UpdateHealthCheckSettingsMutation, { input: { version: saved.version, ...input } });
      const result = data.updateHealthCheckSettings;
      if (result.__typename === "UpdateHealthCheckSettingsPayload") {
        setSaved(result.settings);
        setValues(toValues(result.settings));
        setErrors({});
        setConflict(null);
        setDone(true);
      } else if (result.__typename === "ConflictError") {
        // Someone else saved first: keep what this admin typed, show what is saved now,
        // and let the next save go against the new version.
        const current = (await request(HealthCheckSettingsQuery, {})).healthCheckSettings;
        setSaved(current);
        setConflict({ message: result.message, current });
        setErrors({ general: result.message });
        setAttempt((n) => n + 1);
      } else {
        setErrors(errorsFromResult(result, fieldForPath));
        setAttempt((n) => n + 1);
      }
    } catch (error) {
      setErrors({ general: describeError(error) });
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <VStack gap="space-24">
      {done && (
        <Alert variant="success" role="status">
          {t("analysis.settings.saved")}
        </Alert>
      )}
      {conflict && (
        <Alert variant="warning" data-testid="settings-conflict">
          <BodyShort spacing>{t("analysis.settings.conflict")}</BodyShort>
          <List size="small">
            {FIELDS.map((field) => (
              <List.Item key={field.name}>
                {t(field.labelKey)}:{" "}
                {field.name === "maxFte" ? formatPercent(Number(conflict.current.maxFte)) : String(conflict.current[field.name])}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <form onSubmit={(event) => void submit(event)} noValidate style={{ maxWidth: "40rem" }}>
        <VStack gap="space-24">
          <FormErrorSummary ref={summaryRef} errors={errors} fieldLabels={labels} />
          {FIELDS.map((field) => (
            <TextField
              key={field.name}
              id={field.id}
              name={field.name}
              label={t(field.labelKey)}
              description={t("analysis.settings.usedBy", { check: checkName(field.checkCode) })}
              inputMode="numeric"
              htmlSize={6}
              value={values[field.name]}
              onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
              error={errors[field.id]}
            />
          ))}
          <HStack gap="space-16" align="center">
            <Button type="submit" loading={busy}>
              {t("analysis.settings.save")}
            </Button>
            <BodyShort size="small" textColor="subtle">
              {t("analysis.settings.version", { version: saved.version })}
            </BodyShort>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
