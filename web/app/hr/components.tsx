// Building blocks of the HR screens: the no-access page, the HR sub-navigation, a date
// field, pickers for person and office/team, and form error handling (ErrorSummary plus
// errors next to the field they belong to).
import {
  BodyLong,
  DatePicker,
  ErrorSummary,
  Heading,
  HStack,
  Link,
  Select,
  UNSAFE_Combobox,
  useDatepicker,
  VStack,
} from "@navikt/ds-react";
import { Link as RemixLink, NavLink } from "@remix-run/react";
import { forwardRef, useEffect, useMemo, useRef, useState } from "react";
import { request } from "../graphql";
import { t } from "../i18n";
import { isoFromPicked, pickedFromIso } from "../lib/dates";
import { HrOfficeSearchQuery, HrOfficeTeamsQuery, HrPersonSearchQuery } from "./documents";
import type { FormErrors } from "./form-errors";
import { ht, type HrTextKey } from "./texts";

export { errorsFromResult, type FormErrors, type MutationError } from "./form-errors";

/** The page a user without the HR or admin role gets on the HR screens. */
export function NoAccess() {
  return (
    <VStack gap="space-16" align="start" data-testid="no-access">
      <Heading level="1" size="large">
        {ht("hr.noAccess.title")}
      </Heading>
      <BodyLong>{ht("hr.noAccess.body")}</BodyLong>
      <Link as={RemixLink} to="/">
        {ht("hr.noAccess.home")}
      </Link>
    </VStack>
  );
}

const HR_PAGES: Array<{ to: string; key: HrTextKey; end?: boolean }> = [
  { to: "/hr", key: "hr.nav.people", end: true },
  { to: "/hr/tildel", key: "hr.nav.assign" },
  { to: "/hr/import", key: "hr.nav.import" },
  { to: "/hr/logg", key: "hr.nav.audit" },
];

/** Links between the HR screens (the current one is marked with aria-current). */
export function HrSubNav() {
  return (
    <nav aria-label={ht("hr.nav.label")} className="samla-hr-subnav">
      <HStack as="ul" gap="space-24" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {HR_PAGES.map((page) => (
          <li key={page.to}>
            {/* NavLink sets aria-current="page"; the current page is also shown in bold, not underlined. */}
            <NavLink
              to={page.to}
              end={page.end}
              className="aksel-link"
              data-color="accent"
              style={({ isActive }) => (isActive ? { fontWeight: 600, textDecoration: "none" } : undefined)}
            >
              {ht(page.key)}
            </NavLink>
          </li>
        ))}
      </HStack>
    </nav>
  );
}

// --- form errors -------------------------------------------------------------------

/** Aksel's ErrorSummary over a form's errors; each entry links to its field. */
export const FormErrorSummary = forwardRef<HTMLDivElement, { errors: FormErrors; fieldLabels: Record<string, string> }>(
  function FormErrorSummary({ errors, fieldLabels }, ref) {
    const entries = Object.entries(errors);
    if (entries.length === 0) return null;
    return (
      <ErrorSummary ref={ref} heading={ht("hr.form.errorSummary")}>
        {entries.map(([field, message]) => (
          <ErrorSummary.Item key={field} href={field === "general" ? undefined : `#${field}`}>
            {field !== "general" && fieldLabels[field] ? `${fieldLabels[field]}: ${message}` : message}
          </ErrorSummary.Item>
        ))}
      </ErrorSummary>
    );
  },
);

/** Focuses the error summary when a submit produced errors (Aksel's recommended pattern). */
export function useFocusOnErrors(errors: FormErrors, attempt: number) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt > 0 && Object.keys(errors).length > 0) ref.current?.focus();
    // Only after a submit, not while the user corrects fields.
  }, [attempt]);
  return ref;
}

// --- date field ----------------------------------------------------------------------

/** A date: "" when empty, "invalid" when the text is not a date, else yyyy-mm-dd. */
export type DateValue = string;
export const INVALID_DATE = "invalid";

/** Aksel's date picker with a text input (dd.mm.åååå), reporting yyyy-mm-dd. */
export function DateField({
  id,
  label,
  description,
  defaultValue,
  onChange,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  defaultValue?: string;
  onChange: (value: DateValue) => void;
  error?: string;
}) {
  const { datepickerProps, inputProps } = useDatepicker({
    ...(defaultValue ? { defaultSelected: pickedFromIso(defaultValue) } : {}),
    onDateChange: (date) => {
      if (date) onChange(isoFromPicked(date));
    },
    onValidate: (validation) => {
      if (validation.isEmpty) onChange("");
      else if (!validation.isValidDate) onChange(INVALID_DATE);
    },
  });
  return (
    <DatePicker {...datepickerProps}>
      <DatePicker.Input
        {...inputProps}
        id={id}
        label={label}
        description={description ?? ht("hr.form.dateHint")}
        error={error}
      />
    </DatePicker>
  );
}

// --- pickers -----------------------------------------------------------------------

export interface PickedPerson {
  id: string;
  name: string;
  email?: string;
}

/** Searches people by name or e-mail and picks one. */
export function PersonPicker({
  id,
  label,
  description,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  value: PickedPerson | null;
  onChange: (person: PickedPerson | null) => void;
  error?: string;
}) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<PickedPerson[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const query = text.trim();
    if (query.length < 2) {
      setFound([]);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    // A short pause so typing does not send a request per key.
    const timer = setTimeout(() => {
      request(HrPersonSearchQuery, { text: query }, { signal: controller.signal })
        .then((data) => setFound(data.people.edges.map((edge) => edge.node)))
        .catch(() => setFound([]))
        .finally(() => setLoading(false));
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const options = useMemo(() => {
    const all = value && !found.some((person) => person.id === value.id) ? [value, ...found] : found;
    return all.map((person) => ({ value: person.id, label: person.email ? `${person.name} (${person.email})` : person.name }));
  }, [found, value]);
  const selected = value ? options.filter((option) => option.value === value.id) : [];

  return (
    <UNSAFE_Combobox
      id={id}
      label={label}
      description={description}
      options={options}
      filteredOptions={options}
      selectedOptions={selected}
      isLoading={loading}
      onChange={setText}
      onToggleSelected={(optionValue, isSelected) => {
        if (!isSelected) return onChange(null);
        const person = [...(value ? [value] : []), ...found].find((candidate) => candidate.id === optionValue);
        onChange(person ?? null);
      }}
      error={error}
      shouldAutocomplete={false}
    />
  );
}

interface OfficeOption {
  id: string;
  code: string;
  name: string;
  status: string;
}

const officeLabel = (office: OfficeOption) =>
  office.status === "ACTIVE"
    ? `${office.name} (${office.code})`
    : ht("hr.assign.officeStatus", { name: office.name, code: office.code, status: t(`status.${office.status}` as "status.ACTIVE") });

/**
 * Pick an office (searched by name or number), then one of its teams. Offices of every
 * status are listed with their status, so HR sees why the API refuses a closed one.
 */
export function OfficeTeamPicker({
  idPrefix,
  officeId,
  teamId,
  onChange,
  officeError,
  teamError,
  officeLabelText = ht("hr.assign.office"),
  teamLabelText = ht("hr.assign.team"),
  emptyTeamLabel = ht("hr.assign.chooseTeam"),
}: {
  idPrefix: string;
  officeId: string;
  teamId: string;
  onChange: (value: { officeId: string; teamId: string }) => void;
  officeError?: string;
  teamError?: string;
  officeLabelText?: string;
  teamLabelText?: string;
  /** The empty choice's text (default "Velg team"), e.g. "Alle" in filters or "Uendret" when changing. */
  emptyTeamLabel?: string;
}) {
  const [text, setText] = useState("");
  const [offices, setOffices] = useState<OfficeOption[]>([]);
  const [selectedOffice, setSelectedOffice] = useState<OfficeOption | null>(null);
  const [teams, setTeams] = useState<Array<{ id: string; name: string; parentName?: string }>>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      request(
        HrOfficeSearchQuery,
        { text: text.trim() || null, id: officeId || "none", withSelected: Boolean(officeId) && !selectedOffice },
        { signal: controller.signal },
      )
        .then((data) => {
          setOffices(data.offices.edges.map((edge) => edge.node));
          if (data.office) setSelectedOffice(data.office);
        })
        .catch(() => setOffices([]))
        .finally(() => setLoading(false));
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // selectedOffice only decides whether to read the chosen office once.
  }, [text, officeId]);

  useEffect(() => {
    if (!officeId) {
      setTeams([]);
      return;
    }
    const controller = new AbortController();
    request(HrOfficeTeamsQuery, { id: officeId }, { signal: controller.signal })
      .then((data) =>
        setTeams(
          (data.office?.teams ?? []).map((team) => ({
            id: team.id,
            name: team.name,
            ...(team.parent ? { parentName: team.parent.name } : {}),
          })),
        ),
      )
      .catch(() => setTeams([]));
    return () => controller.abort();
  }, [officeId]);

  const all = selectedOffice && !offices.some((office) => office.id === selectedOffice.id) ? [selectedOffice, ...offices] : offices;
  const options = all.map((office) => ({ value: office.id, label: officeLabel(office) }));
  const selected = options.filter((option) => option.value === officeId);

  return (
    <HStack gap="space-24" align="start" wrap>
      <div style={{ flex: "1 1 18rem", maxWidth: "28rem" }}>
        <UNSAFE_Combobox
          id={`${idPrefix}office`}
          label={officeLabelText}
          description={ht("hr.assign.officeDescription")}
          options={options}
          filteredOptions={options}
          selectedOptions={selected}
          isLoading={loading}
          onChange={setText}
          onToggleSelected={(value, isSelected) => {
            const office = isSelected ? (all.find((candidate) => candidate.id === value) ?? null) : null;
            setSelectedOffice(office);
            onChange({ officeId: office?.id ?? "", teamId: "" });
          }}
          error={officeError}
          shouldAutocomplete={false}
        />
      </div>
      <Select
        id={`${idPrefix}team`}
        label={teamLabelText}
        value={teamId}
        // Not disabled (a disabled field's description fails contrast): it only offers the
        // empty choice until an office is chosen.
        description={!officeId ? ht("hr.filter.chooseOfficeFirst") : undefined}
        onChange={(event) => onChange({ officeId, teamId: event.target.value })}
        error={teamError}
        style={{ minWidth: "16rem" }}
      >
        <option value="">{emptyTeamLabel}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.parentName ? `${team.parentName} › ${team.name}` : team.name}
          </option>
        ))}
      </Select>
    </HStack>
  );
}
