-- CreateEnum
CREATE TYPE "AdoptionStage" AS ENUM ('NOT_STARTED', 'PREPARING', 'PILOTING', 'ADOPTED', 'EMBEDDED');

-- CreateEnum
CREATE TYPE "ProgressReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACKNOWLEDGED');

-- CreateEnum
CREATE TYPE "ProgressReportCommentKind" AS ENUM ('CHANGES_REQUESTED', 'ACKNOWLEDGED');

-- CreateTable
CREATE TABLE "RolloutWave" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "isPilot" BOOLEAN NOT NULL DEFAULT false,
    "description" TEXT,
    "plannedStart" DATE NOT NULL,
    "targetDate" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RolloutWave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeRollout" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "waveId" TEXT NOT NULL,
    "plannedStart" DATE NOT NULL,
    "targetDate" DATE NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),
    "leftReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfficeRollout_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeRolloutPractice" (
    "id" TEXT NOT NULL,
    "officeRolloutId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "plannedStart" DATE NOT NULL,
    "targetDate" DATE NOT NULL,

    CONSTRAINT "OfficeRolloutPractice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdoptionStatus" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "stage" "AdoptionStage" NOT NULL,
    "reportId" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdoptionStatus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "status" "ProgressReportStatus" NOT NULL DEFAULT 'DRAFT',
    "learning" TEXT NOT NULL DEFAULT '',
    "obstacles" TEXT NOT NULL DEFAULT '',
    "helpNeeded" TEXT NOT NULL DEFAULT '',
    "createdBySubject" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "submittedBySubject" TEXT,
    "submittedByName" TEXT,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBySubject" TEXT,
    "acknowledgedByName" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReportStage" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "stage" "AdoptionStage" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProgressReportStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReportKpiValue" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "value" DECIMAL(12,3) NOT NULL,

    CONSTRAINT "ProgressReportKpiValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReportComment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "kind" "ProgressReportCommentKind" NOT NULL,
    "body" TEXT NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReportComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReportSubmission" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedBySubject" TEXT NOT NULL,
    "submittedByName" TEXT NOT NULL,
    "content" JSONB NOT NULL,

    CONSTRAINT "ProgressReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RolloutWave_name_key" ON "RolloutWave"("name");

-- CreateIndex
CREATE UNIQUE INDEX "RolloutWave_ordinal_key" ON "RolloutWave"("ordinal");

-- CreateIndex
CREATE INDEX "OfficeRollout_officeId_leftAt_idx" ON "OfficeRollout"("officeId", "leftAt");

-- CreateIndex
CREATE INDEX "OfficeRollout_waveId_leftAt_idx" ON "OfficeRollout"("waveId", "leftAt");

-- CreateIndex
CREATE UNIQUE INDEX "OfficeRolloutPractice_officeRolloutId_practiceId_key" ON "OfficeRolloutPractice"("officeRolloutId", "practiceId");

-- CreateIndex
CREATE INDEX "AdoptionStatus_practiceId_period_idx" ON "AdoptionStatus"("practiceId", "period");

-- CreateIndex
CREATE INDEX "AdoptionStatus_period_idx" ON "AdoptionStatus"("period");

-- CreateIndex
CREATE UNIQUE INDEX "AdoptionStatus_officeId_practiceId_period_key" ON "AdoptionStatus"("officeId", "practiceId", "period");

-- CreateIndex
CREATE INDEX "ProgressReport_status_period_idx" ON "ProgressReport"("status", "period");

-- CreateIndex
CREATE INDEX "ProgressReport_period_idx" ON "ProgressReport"("period");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_officeId_period_key" ON "ProgressReport"("officeId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReportStage_reportId_practiceId_key" ON "ProgressReportStage"("reportId", "practiceId");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReportKpiValue_reportId_kpiId_key" ON "ProgressReportKpiValue"("reportId", "kpiId");

-- CreateIndex
CREATE INDEX "ProgressReportComment_reportId_createdAt_idx" ON "ProgressReportComment"("reportId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReportSubmission_reportId_number_key" ON "ProgressReportSubmission"("reportId", "number");

-- AddForeignKey
ALTER TABLE "OfficeRollout" ADD CONSTRAINT "OfficeRollout_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeRollout" ADD CONSTRAINT "OfficeRollout_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "RolloutWave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeRolloutPractice" ADD CONSTRAINT "OfficeRolloutPractice_officeRolloutId_fkey" FOREIGN KEY ("officeRolloutId") REFERENCES "OfficeRollout"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeRolloutPractice" ADD CONSTRAINT "OfficeRolloutPractice_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatus" ADD CONSTRAINT "AdoptionStatus_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatus" ADD CONSTRAINT "AdoptionStatus_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdoptionStatus" ADD CONSTRAINT "AdoptionStatus_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportStage" ADD CONSTRAINT "ProgressReportStage_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportStage" ADD CONSTRAINT "ProgressReportStage_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportKpiValue" ADD CONSTRAINT "ProgressReportKpiValue_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportKpiValue" ADD CONSTRAINT "ProgressReportKpiValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportComment" ADD CONSTRAINT "ProgressReportComment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReportSubmission" ADD CONSTRAINT "ProgressReportSubmission_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Rules the database keeps
CREATE UNIQUE INDEX "OfficeRollout_one_current_per_office" ON "OfficeRollout"("officeId") WHERE "leftAt" IS NULL;
ALTER TABLE "RolloutWave" ADD CONSTRAINT "RolloutWave_dates_in_order" CHECK ("targetDate" >= "plannedStart");
ALTER TABLE "RolloutWave" ADD CONSTRAINT "RolloutWave_ordinal_positive" CHECK ("ordinal" >= 1);
ALTER TABLE "OfficeRollout" ADD CONSTRAINT "OfficeRollout_dates_in_order" CHECK ("targetDate" >= "plannedStart");
ALTER TABLE "OfficeRollout" ADD CONSTRAINT "OfficeRollout_left_after_joined" CHECK ("leftAt" IS NULL OR "leftAt" >= "joinedAt");
ALTER TABLE "OfficeRolloutPractice" ADD CONSTRAINT "OfficeRolloutPractice_dates_in_order" CHECK ("targetDate" >= "plannedStart");
ALTER TABLE "AdoptionStatus" ADD CONSTRAINT "AdoptionStatus_period_is_month" CHECK (EXTRACT(DAY FROM "period") = 1);
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_period_is_month" CHECK (EXTRACT(DAY FROM "period") = 1);
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_submitted_has_time" CHECK ("status" = 'DRAFT' OR "submittedAt" IS NOT NULL);
ALTER TABLE "ProgressReportSubmission" ADD CONSTRAINT "ProgressReportSubmission_number_positive" CHECK ("number" >= 1);
