import { type RouteConfig, index, route } from "@remix-run/route-config";

// One file per screen.
export default [
  index("routes/index.tsx"),
  route("kontorer", "routes/kontorer.tsx"),
  route("kontorer/:id", "routes/kontorer.$id.tsx"),
  route("kontorer/:id/metodikk", "routes/kontorer.$id.metodikk.tsx"),
  route("sammenslaainger", "routes/sammenslaainger.tsx"),
  route("sammenslaainger/ny", "routes/sammenslaainger.ny.tsx"),
  route("sammenslaainger/:id", "routes/sammenslaainger.$id.tsx"),
  route("scenarier", "routes/scenarier.tsx"),
  route("scenarier/:id", "routes/scenarier.$id.tsx"),
  route("organisasjon", "routes/organisasjon.tsx"),
  route("hr", "routes/hr.tsx"),
  route("hr/personer/:id", "routes/hr.personer.$id.tsx"),
  route("hr/tildel", "routes/hr.tildel.tsx"),
  route("hr/import", "routes/hr.import.tsx"),
  route("hr/logg", "routes/hr.logg.tsx"),
  route("mitt-kontor", "routes/mitt-kontor.tsx"),
  route("scenarier/:id/sammenlign", "routes/scenarier.$id.sammenlign.tsx"),
  route("scenarier/:id/utskrift", "routes/scenarier.$id.utskrift.tsx"),
  route("admin", "routes/admin.tsx"),
  route("admin/helsesjekker", "routes/admin.helsesjekker.tsx"),
  route("sammenlign", "routes/sammenlign.tsx"),
  route("admin/praksiser", "routes/admin.praksiser.tsx"),
  route("admin/kpier", "routes/admin.kpier.tsx"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
