// A searchable office picker (name, number or municipality), for one office or several.
// Only offices of the given statuses are offered, so the user does not pick one the API
// would refuse (merger sources must be active, a merger target planned).
import { UNSAFE_Combobox } from "@navikt/ds-react";
import { useEffect, useMemo, useState } from "react";
import { request } from "../../graphql";
import { t } from "../../i18n";
import { OfficeChoicesQuery } from "./documents";

export interface OfficeChoice {
  id: string;
  code: string;
  name: string;
  status: string;
}

type OfficeStatus = "ACTIVE" | "PLANNED" | "MERGED" | "CLOSED";

export const officeChoiceLabel = (office: OfficeChoice) => `${office.name} (${office.code})`;

export function OfficePicker({
  id,
  label,
  description,
  statuses,
  value,
  onChange,
  multiple = false,
  error,
}: {
  id: string;
  label: string;
  description?: string;
  statuses: readonly OfficeStatus[];
  value: readonly OfficeChoice[];
  onChange: (offices: OfficeChoice[]) => void;
  multiple?: boolean;
  error?: string;
}) {
  const [text, setText] = useState("");
  const [found, setFound] = useState<OfficeChoice[]>([]);
  const [loading, setLoading] = useState(false);
  const statusKey = statuses.join(",");

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    // A short pause so typing does not send a request per key.
    const timer = setTimeout(() => {
      request(OfficeChoicesQuery, { text: text.trim() || null, status: [...statuses] }, { signal: controller.signal })
        .then((data) => setFound(data.offices.edges.map((edge) => edge.node)))
        .catch(() => setFound([]))
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // statusKey stands for `statuses` (a new array on every render).
  }, [text, statusKey]);

  const known = useMemo(() => {
    const byId = new Map<string, OfficeChoice>();
    for (const office of [...value, ...found]) byId.set(office.id, office);
    return byId;
  }, [value, found]);
  const options = [...known.values()].map((office) => ({ value: office.id, label: officeChoiceLabel(office) }));
  const selected = value.map((office) => ({ value: office.id, label: officeChoiceLabel(office) }));

  return (
    <UNSAFE_Combobox
      id={id}
      label={label}
      description={description ?? t("scenarioEditor.office.searchDescription")}
      options={options}
      filteredOptions={options}
      selectedOptions={selected}
      isMultiSelect={multiple}
      isLoading={loading}
      onChange={setText}
      onToggleSelected={(officeId, isSelected) => {
        const office = known.get(officeId);
        if (!isSelected) return onChange(value.filter((chosen) => chosen.id !== officeId));
        if (!office) return;
        onChange(multiple ? [...value.filter((chosen) => chosen.id !== officeId), office] : [office]);
      }}
      error={error}
      shouldAutocomplete={false}
    />
  );
}
