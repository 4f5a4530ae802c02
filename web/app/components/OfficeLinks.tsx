import { Link } from "@navikt/ds-react";
import { Link as RemixLink } from "@remix-run/react";
import { t } from "../i18n";

interface OfficeLike {
  id: string;
  name: string;
  code: string;
}

/** The graph explorer's view of one merger (it reads the `fusjon` search parameter). */
export function mergerGraphUrl(mergerId: string): string {
  return `/organisasjon?${new URLSearchParams({ fusjon: mergerId }).toString()}`;
}

/** A link to an office's page. The code tells the historic and the new "Nav Drammen" apart. */
export function OfficeLink({ office }: { office: OfficeLike }) {
  return (
    <Link as={RemixLink} to={`/kontorer/${encodeURIComponent(office.id)}`}>
      {office.name} ({office.code})
    </Link>
  );
}

/** "Nav Skedsmo, Nav Fet, Nav Sørum → Nav Lillestrøm", every office a link. */
export function MergerOffices({ sources, target }: { sources: readonly OfficeLike[]; target: OfficeLike }) {
  return (
    <span>
      <ul className="samla-office-list">
        {sources.map((office) => (
          <li key={office.id}>
            <OfficeLink office={office} />
          </li>
        ))}
      </ul>{" "}
      <span aria-hidden>→</span>
      <span className="aksel-sr-only">{t("mergers.into")}</span> <OfficeLink office={target} />
    </span>
  );
}
