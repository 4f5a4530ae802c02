-- The month an office's monthly progress reports are due from, chosen by the planner when an
-- office moves into a wave that has already started (issue 14). Null keeps the old rule (the
-- month of the planned start).

-- AlterTable
ALTER TABLE "OfficeRollout" ADD COLUMN "reportingFrom" DATE;
