-- The adoption dashboard reads each office × practice's status rows in period order (the
-- stage on a date, the start of its run, the changes month by month). With the stage in
-- the index these are index-only scans: no visit to the table per row.

-- CreateIndex
CREATE INDEX "AdoptionStatus_officeId_practiceId_period_stage_idx" ON "AdoptionStatus"("officeId", "practiceId", "period", "stage");
