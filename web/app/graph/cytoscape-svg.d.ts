// cytoscape-svg ships no types: an extension registered with cytoscape.use().
declare module "cytoscape-svg" {
  import type cytoscape from "cytoscape";
  const extension: cytoscape.Ext;
  export default extension;
}
