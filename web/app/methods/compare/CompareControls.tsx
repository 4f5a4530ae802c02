// What to compare: 2-6 offices (the pilots by default) and a period of whole months.
// Applying the choice changes the URL, which reloads the comparison; the form itself stays
// mounted, so keyboard focus stays on the button that applied it.
import { Button, ErrorSummary, HStack, Link, Select, UNSAFE_Combobox, VStack } from "@navikt/ds-react";
import { Link as RemixLink, useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { request } from "../../graphql";
import { t } from "../../i18n";
import { CompareOfficeOptionsQuery } from "./documents";
import type { Comparison } from "./data";
import { formatMonth } from "./format";
import {
  MAX_OFFICES,
  compareSearch,
  monthOf,
  monthsBetween,
  selectionProblems,
  type CompareState,
  type SelectionProblem,
} from "./url-state";

interface OfficeChoice {
  id: string;
  code: string;
  name: string;
}

function isOfficeChoice(node: unknown): node is OfficeChoice {
  return typeof node === "object" && node !== null && "id" in node && "name" in node && "code" in node;
}

/** The first month a comparison can start: the reform's offices exist from 2020. */
const FIRST_MONTH = "2020-01";

const PROBLEM_FIELD: Record<SelectionProblem, string> = {
  tooFewOffices: "compare-offices",
  tooManyOffices: "compare-offices",
  fromAfterTo: "compare-from",
};

export function CompareControls({
  state,
  comparison,
  currentMonth,
}: {
  state: CompareState;
  /** The running comparison: its answer says which offices and months the defaults meant. */
  comparison: Promise<Comparison>;
  currentMonth: string;
}) {
  const navigate = useNavigate();
  const [officeIds, setOfficeIds] = useState<string[]>(state.officeIds);
  const [fromMonth, setFromMonth] = useState(state.fromMonth ?? "");
  const [toMonth, setToMonth] = useState(state.toMonth ?? "");
  const [problems, setProblems] = useState<SelectionProblem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);

  const urlOfficeKey = state.officeIds.join(" ");

  // Follow the URL (back button, shared links) and fill the defaults in from the answer.
  useEffect(() => {
    let live = true;
    setOfficeIds(state.officeIds);
    setFromMonth(state.fromMonth ?? "");
    setToMonth(state.toMonth ?? "");
    setProblems([]);
    comparison
      .then((answer) => {
        if (!live) return;
        if (state.officeIds.length === 0) setOfficeIds(answer.offices.map((office) => office.id));
        if (!state.fromMonth) setFromMonth(monthOf(answer.from));
        if (!state.toMonth) setToMonth(monthOf(answer.to));
      })
      // The comparison shows its own error; the form keeps what the URL says.
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // urlOfficeKey stands for state.officeIds (a new array on every navigation).
  }, [comparison, urlOfficeKey, state.fromMonth, state.toMonth]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const selection = { officeIds, fromMonth: fromMonth || null, toMonth: toMonth || null };
    const found = selectionProblems(selection);
    setProblems(found);
    if (found.length > 0) {
      // Let the summary render before it takes focus (Aksel's error summary pattern).
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    // A new set of offices closes an open cell; the chosen service stays.
    navigate(compareSearch({ ...state, ...selection, cell: null }), { preventScrollReset: true });
  };

  const months = useMemo(() => monthsBetween(FIRST_MONTH, currentMonth), [currentMonth]);
  const officeError = problems.includes("tooFewOffices")
    ? t("compare.controls.tooFewOffices")
    : problems.includes("tooManyOffices")
      ? t("compare.controls.tooManyOffices")
      : undefined;
  const periodError = problems.includes("fromAfterTo") ? t("compare.controls.fromAfterTo") : undefined;

  return (
    <form onSubmit={apply} aria-label={t("compare.controls.label")} noValidate>
      <VStack gap="space-16">
        {problems.length > 0 && (
          <ErrorSummary ref={summaryRef} heading={t("compare.controls.errorSummary")}>
            {[...new Set(problems.map((problem) => PROBLEM_FIELD[problem]))].map((field) => (
              <ErrorSummary.Item key={field} href={`#${field}`}>
                {field === "compare-offices" ? officeError : periodError}
              </ErrorSummary.Item>
            ))}
          </ErrorSummary>
        )}
        <HStack gap="space-24" align="end" wrap>
          <div style={{ flex: "1 1 24rem", maxWidth: "40rem" }}>
            <OfficePicker officeIds={officeIds} onChange={setOfficeIds} error={officeError} />
          </div>
          <Select
            id="compare-from"
            label={t("compare.controls.from")}
            value={fromMonth}
            onChange={(event) => setFromMonth(event.target.value)}
            error={periodError}
          >
            {!fromMonth && <option value="">{t("compare.controls.chooseMonth")}</option>}
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, "long")}
              </option>
            ))}
          </Select>
          <Select id="compare-to" label={t("compare.controls.to")} value={toMonth} onChange={(event) => setToMonth(event.target.value)}>
            {!toMonth && <option value="">{t("compare.controls.chooseMonth")}</option>}
            {months.map((month) => (
              <option key={month} value={month}>
                {formatMonth(month, "long")}
              </option>
            ))}
          </Select>
          <Button type="submit">{t("compare.controls.apply")}</Button>
        </HStack>
        {(state.officeIds.length > 0 || state.fromMonth || state.toMonth) && (
          <Link as={RemixLink} to="/sammenlign">
            {t("compare.controls.reset")}
          </Link>
        )}
      </VStack>
    </form>
  );
}

/** A multi-select of offices: the pilots are always offered; others are found by typing. */
function OfficePicker({ officeIds, onChange, error }: { officeIds: string[]; onChange: (ids: string[]) => void; error: string | undefined }) {
  const [text, setText] = useState("");
  const [pilots, setPilots] = useState<OfficeChoice[]>([]);
  const [found, setFound] = useState<OfficeChoice[]>([]);
  const [known, setKnown] = useState<Map<string, OfficeChoice>>(new Map());
  const [loading, setLoading] = useState(false);

  const missingIds = officeIds.filter((id) => !known.has(id));
  const missingKey = missingIds.join(",");
  const query = text.trim();

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    // A short pause so typing does not send a request per key.
    const timer = setTimeout(() => {
      request(CompareOfficeOptionsQuery, { text: query || null, search: query.length >= 2, ids: missingIds }, { signal: controller.signal })
        .then((data) => {
          const pilotChoices = data.pilots.edges.map((edge) => edge.node);
          const foundChoices = data.found?.edges.map((edge) => edge.node) ?? [];
          // nodes() answers null for an unknown id and {} for a node that is not an office.
          const chosen: OfficeChoice[] = data.chosen.flatMap((node) => (isOfficeChoice(node) ? [node] : []));
          setPilots(pilotChoices);
          setFound(foundChoices);
          setKnown((current) => {
            const next = new Map(current);
            for (const office of [...pilotChoices, ...foundChoices, ...chosen]) next.set(office.id, office);
            return next;
          });
        })
        .catch(() => setFound([]))
        .finally(() => setLoading(false));
    }, query ? 200 : 0);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // missingKey stands for missingIds (a new array every render).
  }, [query, missingKey]);

  const label = (office: OfficeChoice) => `${office.name} (${office.code})`;
  const toOption = (office: OfficeChoice) => ({ value: office.id, label: label(office) });
  const selected = officeIds.map((id) => known.get(id) ?? { id, code: "…", name: id }).map(toOption);
  // Typed text: the matches; else the pilots, with any other chosen office.
  const listed = query.length >= 2 ? found : [...pilots, ...officeIds.map((id) => known.get(id)).filter((o): o is OfficeChoice => Boolean(o))];
  const options = [...new Map([...listed, ...officeIds.flatMap((id) => known.get(id) ?? [])].map((office) => [office.id, toOption(office)])).values()];

  return (
    <UNSAFE_Combobox
      id="compare-offices"
      label={t("compare.controls.offices")}
      description={t("compare.controls.officesDescription", { max: MAX_OFFICES })}
      options={options}
      filteredOptions={query.length >= 2 ? found.map(toOption) : options}
      selectedOptions={selected}
      isMultiSelect
      maxSelected={MAX_OFFICES}
      isLoading={loading}
      onChange={setText}
      onToggleSelected={(value, isSelected) => {
        onChange(isSelected ? [...officeIds.filter((id) => id !== value), value] : officeIds.filter((id) => id !== value));
      }}
      error={error}
      shouldAutocomplete={false}
    />
  );
}
