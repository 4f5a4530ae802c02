// The editor's data, as the documents select it.
import type { ResultOf } from "../../graphql";
import type { MergerDetailQuery, ScenarioCataloguesQuery, ScenarioEditorQuery } from "./documents";

export type EditorScenario = NonNullable<ResultOf<typeof ScenarioEditorQuery>["scenario"]>;
export type EditorTeam = EditorScenario["teams"][number];
export type EditorPosition = EditorTeam["positions"][number];
export type Catalogues = ResultOf<typeof ScenarioCataloguesQuery>;
export type MergerDetail = NonNullable<ResultOf<typeof MergerDetailQuery>["merger"]>;
