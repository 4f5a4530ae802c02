// The text alternatives to the canvas: a tree (WAI-ARIA tree pattern) and a table. Both show
// the same filtered data as the graph, completely, and stay fast at national scale (20,000
// people) by rendering only the rows near view. See alternatives/.
export { GraphTable, type ExtraColumn } from "./alternatives/GraphTable";
export { GraphTree } from "./alternatives/GraphTree";
