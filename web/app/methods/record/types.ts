// The shapes the recording panels share, from the page query.
import type { ResultOf } from "../../graphql";
import type { MethodsRecordPageQuery } from "./documents";

type PageData = ResultOf<typeof MethodsRecordPageQuery>;

export type RecordOffice = NonNullable<PageData["office"]>;
export type RecordPractice = PageData["practices"][number];
export type RecordKpi = PageData["kpis"][number];
export type RecordService = PageData["services"][number];
export type RecordRole = PageData["roles"][number];
export type CaseFlowStage = PageData["caseFlowStages"][number];

/** What every panel gets: the office, whether the caller may record for it, and the catalogues. */
export interface PanelProps {
  office: RecordOffice;
  canRecord: boolean;
}
