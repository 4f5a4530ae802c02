-- CreateEnum
CREATE TYPE "PracticeTheme" AS ENUM ('USER_INSIGHT', 'CASE_FLOW', 'CULTURE', 'LEADERSHIP', 'EMPLOYEE_EMPOWERMENT', 'DIGITAL_TOOLS');

-- CreateEnum
CREATE TYPE "KpiDirection" AS ENUM ('HIGHER_IS_BETTER', 'LOWER_IS_BETTER');

-- CreateEnum
CREATE TYPE "InsightKind" AS ENUM ('QUOTE', 'SUMMARY');

-- CreateTable
CREATE TABLE "Practice" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "theme" "PracticeTheme" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "currentVersion" INTEGER NOT NULL DEFAULT 1,
    "retiredAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Practice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PracticeVersion" (
    "id" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "levels" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "PracticeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MaturityAssessment" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "practiceId" TEXT NOT NULL,
    "practiceVersionId" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "assessedOn" DATE NOT NULL,
    "evidence" TEXT NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MaturityAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessFlow" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "recordedOn" DATE NOT NULL,
    "note" TEXT,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProcessFlow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessStep" (
    "id" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "order" INTEGER NOT NULL,
    "stageKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "responsibleRoleId" TEXT,
    "durationDays" DECIMAL(7,2) NOT NULL,
    "waitingDays" DECIMAL(7,2) NOT NULL,
    "handOffs" INTEGER NOT NULL,

    CONSTRAINT "ProcessStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "KpiDirection" NOT NULL,
    "target" DECIMAL(12,3),
    "description" TEXT,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiMeasurement" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "kpiId" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "value" DECIMAL(12,3) NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiMeasurement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserInsight" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "serviceId" TEXT,
    "processStepId" TEXT,
    "theme" TEXT NOT NULL,
    "kind" "InsightKind" NOT NULL,
    "text" TEXT NOT NULL,
    "interviewedOn" DATE NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserInsight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CultureAssessment" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "currentScore" DECIMAL(3,1) NOT NULL,
    "targetScore" DECIMAL(3,1) NOT NULL,
    "assessedOn" DATE NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CultureAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Practice_code_key" ON "Practice"("code");

-- CreateIndex
CREATE INDEX "Practice_theme_sortOrder_idx" ON "Practice"("theme", "sortOrder");

-- CreateIndex
CREATE UNIQUE INDEX "PracticeVersion_practiceId_number_key" ON "PracticeVersion"("practiceId", "number");

-- CreateIndex
CREATE INDEX "MaturityAssessment_officeId_practiceId_assessedOn_idx" ON "MaturityAssessment"("officeId", "practiceId", "assessedOn");

-- CreateIndex
CREATE INDEX "MaturityAssessment_practiceId_assessedOn_idx" ON "MaturityAssessment"("practiceId", "assessedOn");

-- CreateIndex
CREATE INDEX "ProcessFlow_officeId_serviceId_recordedOn_idx" ON "ProcessFlow"("officeId", "serviceId", "recordedOn");

-- CreateIndex
CREATE INDEX "ProcessFlow_serviceId_recordedOn_idx" ON "ProcessFlow"("serviceId", "recordedOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProcessStep_flowId_order_key" ON "ProcessStep"("flowId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_code_key" ON "Kpi"("code");

-- CreateIndex
CREATE INDEX "KpiMeasurement_kpiId_period_idx" ON "KpiMeasurement"("kpiId", "period");

-- CreateIndex
CREATE UNIQUE INDEX "KpiMeasurement_officeId_kpiId_period_key" ON "KpiMeasurement"("officeId", "kpiId", "period");

-- CreateIndex
CREATE INDEX "UserInsight_officeId_theme_idx" ON "UserInsight"("officeId", "theme");

-- CreateIndex
CREATE INDEX "CultureAssessment_officeId_dimension_assessedOn_idx" ON "CultureAssessment"("officeId", "dimension", "assessedOn");

-- AddForeignKey
ALTER TABLE "PracticeVersion" ADD CONSTRAINT "PracticeVersion_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_practiceId_fkey" FOREIGN KEY ("practiceId") REFERENCES "Practice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_practiceVersionId_fkey" FOREIGN KEY ("practiceVersionId") REFERENCES "PracticeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessFlow" ADD CONSTRAINT "ProcessFlow_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessFlow" ADD CONSTRAINT "ProcessFlow_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessStep" ADD CONSTRAINT "ProcessStep_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "ProcessFlow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessStep" ADD CONSTRAINT "ProcessStep_responsibleRoleId_fkey" FOREIGN KEY ("responsibleRoleId") REFERENCES "Role"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiMeasurement" ADD CONSTRAINT "KpiMeasurement_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiMeasurement" ADD CONSTRAINT "KpiMeasurement_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserInsight" ADD CONSTRAINT "UserInsight_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserInsight" ADD CONSTRAINT "UserInsight_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserInsight" ADD CONSTRAINT "UserInsight_processStepId_fkey" FOREIGN KEY ("processStepId") REFERENCES "ProcessStep"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CultureAssessment" ADD CONSTRAINT "CultureAssessment_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Checks Prisma cannot express
ALTER TABLE "PracticeVersion" ADD CONSTRAINT "PracticeVersion_five_levels" CHECK (cardinality("levels") = 5);
ALTER TABLE "MaturityAssessment" ADD CONSTRAINT "MaturityAssessment_level_range" CHECK ("level" BETWEEN 0 AND 4);
ALTER TABLE "ProcessStep" ADD CONSTRAINT "ProcessStep_times_not_negative" CHECK ("durationDays" >= 0 AND "waitingDays" >= 0 AND "handOffs" >= 0 AND "order" >= 1);
ALTER TABLE "KpiMeasurement" ADD CONSTRAINT "KpiMeasurement_period_is_month" CHECK (EXTRACT(DAY FROM "period") = 1);
ALTER TABLE "CultureAssessment" ADD CONSTRAINT "CultureAssessment_scores" CHECK ("currentScore" BETWEEN 1 AND 5 AND "targetScore" BETWEEN 1 AND 5);
