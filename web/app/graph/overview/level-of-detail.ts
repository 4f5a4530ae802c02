// Level of detail for the overview: what is drawn at which size on screen, and when
// zooming expands or folds an office (semantic zoom). Pure functions of sizes in pixels,
// so the rules are tested without a browser. Decision record: docs/decisions/009-graph-at-scale.md.

/** A person is drawn as a dot from this screen radius (px); smaller, the team shows a badge. */
export const PERSON_DOT_MIN_PX = 0.9;
/** People's names from this screen radius: an 11 px name fits under a dot this big. */
export const PERSON_LABEL_MIN_PX = 7;
/** A team's name (and its badge when its people are not drawn) from this screen radius. */
export const TEAM_LABEL_MIN_PX = 28;
/** An office's name from this screen radius; its counts from OFFICE_COUNTS_MIN_PX. */
export const OFFICE_LABEL_MIN_PX = 14;
export const OFFICE_COUNTS_MIN_PX = 30;
/** Edges shorter than this on screen are not drawn: they would be a smudge. */
export const EDGE_MIN_PX = 6;
/** At most this many labels per frame: more would be unreadable and slow. */
export const LABEL_BUDGET = 500;

/**
 * Semantic zoom: an office expands when its circle spans this share of the viewport's
 * shorter side (the user is looking at it), and folds again below FOLD_SHARE. The gap
 * between the two keeps an office from flickering open and shut at one zoom.
 */
export const EXPAND_SHARE = 0.45;
export const FOLD_SHARE = 0.15;

export interface LevelOfDetail {
  peopleAsDots: boolean;
  personLabels: boolean;
  /** Teams show "12 personer · 11,4 årsverk" instead of their people. */
  teamBadges: boolean;
}

/** What to draw for people at `zoom` (screen px per layout unit), given a person's radius. */
export function levelOfDetail(zoom: number, personRadius: number): LevelOfDetail {
  const px = zoom * personRadius;
  return { peopleAsDots: px >= PERSON_DOT_MIN_PX, personLabels: px >= PERSON_LABEL_MIN_PX, teamBadges: px < PERSON_DOT_MIN_PX };
}

export interface OfficeOnScreen {
  id: string;
  /** Screen radius in px. */
  radiusPx: number;
  /** Whether any of it is in the viewport. */
  visible: boolean;
  /** Expanded now, whatever the reason. */
  expanded: boolean;
  /** The user expanded (true) or folded (false) it explicitly; null when they did not. */
  explicit: boolean | null;
}

/**
 * Offices that zooming opens and folds. The user's own choice always wins: an office they
 * folded is never opened by zooming, one they opened is never folded by it.
 */
export function semanticZoomChanges(offices: OfficeOnScreen[], viewportShortSide: number): { expand: string[]; fold: string[] } {
  const expand: string[] = [];
  const fold: string[] = [];
  for (const office of offices) {
    if (office.explicit !== null) continue;
    const share = (2 * office.radiusPx) / viewportShortSide;
    if (!office.expanded && office.visible && share >= EXPAND_SHARE) expand.push(office.id);
    else if (office.expanded && (!office.visible || share < FOLD_SHARE)) fold.push(office.id);
  }
  return { expand, fold };
}

/**
 * Labels that would overlap are left out: a grid of cells, one label per cell, the more
 * important ones (offices, teams, leaders) claimed first by the caller.
 */
export class LabelGrid {
  private readonly taken = new Set<number>();
  constructor(
    private readonly cellWidth = 8,
    private readonly cellHeight = 6,
  ) {}

  /** Claims the cells a label of this box covers; false when one is taken. */
  claim(x: number, y: number, width: number, height: number): boolean {
    const [c1, c2] = [Math.floor(x / this.cellWidth), Math.floor((x + width) / this.cellWidth)];
    const [r1, r2] = [Math.floor(y / this.cellHeight), Math.floor((y + height) / this.cellHeight)];
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (this.taken.has(r * 100_003 + c)) return false;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) this.taken.add(r * 100_003 + c);
    return true;
  }
}
