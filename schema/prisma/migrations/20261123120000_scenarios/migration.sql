-- CreateEnum
CREATE TYPE "ScenarioStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ScenarioBase" AS ENUM ('AS_IS', 'SCENARIO', 'TEMPLATE');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('NEW', 'CHANGED', 'CLOSED', 'UNCHANGED');

-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "mergerId" TEXT,
    "status" "ScenarioStatus" NOT NULL DEFAULT 'DRAFT',
    "base" "ScenarioBase" NOT NULL,
    "baseScenarioId" TEXT,
    "templateOfficeId" TEXT,
    "asOfDate" DATE NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdBySubject" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "submittedBySubject" TEXT,
    "submittedByName" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedBySubject" TEXT,
    "approvedByName" TEXT,
    "approvedAt" TIMESTAMP(3),
    "appliedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioTeam" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "sourceTeamId" TEXT,
    "officeId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "purpose" TEXT,
    "action" "ChangeAction" NOT NULL,
    "effectiveDate" DATE,
    "wave" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScenarioTeam_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioPosition" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "fte" DECIMAL(3,2) NOT NULL,
    "personId" TEXT,
    "sourceAssignmentId" TEXT,
    "reportsToId" TEXT,
    "action" "ChangeAction" NOT NULL,
    "effectiveDate" DATE,
    "wave" INTEGER,

    CONSTRAINT "ScenarioPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioChange" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "undo" JSONB NOT NULL,
    "undoneAt" TIMESTAMP(3),
    "actorSubject" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScenarioComment" (
    "id" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "status" "ScenarioStatus" NOT NULL,
    "text" TEXT NOT NULL,
    "authorSubject" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScenarioComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCheckSettings" (
    "id" TEXT NOT NULL DEFAULT 'default',
    "maxSpan" INTEGER NOT NULL DEFAULT 12,
    "minSpan" INTEGER NOT NULL DEFAULT 2,
    "maxLayers" INTEGER NOT NULL DEFAULT 5,
    "minTeamSize" INTEGER NOT NULL DEFAULT 3,
    "maxFte" DECIMAL(3,2) NOT NULL DEFAULT 1.00,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HealthCheckSettings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ScenarioOffices" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ScenarioOffices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_ScenarioTeamServices" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ScenarioTeamServices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE INDEX "Scenario_mergerId_status_idx" ON "Scenario"("mergerId", "status");

-- CreateIndex
CREATE INDEX "ScenarioTeam_scenarioId_idx" ON "ScenarioTeam"("scenarioId");

-- CreateIndex
CREATE INDEX "ScenarioTeam_parentId_idx" ON "ScenarioTeam"("parentId");

-- CreateIndex
CREATE INDEX "ScenarioPosition_scenarioId_idx" ON "ScenarioPosition"("scenarioId");

-- CreateIndex
CREATE INDEX "ScenarioPosition_teamId_idx" ON "ScenarioPosition"("teamId");

-- CreateIndex
CREATE INDEX "ScenarioPosition_personId_idx" ON "ScenarioPosition"("personId");

-- CreateIndex
CREATE INDEX "ScenarioPosition_reportsToId_idx" ON "ScenarioPosition"("reportsToId");

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioChange_scenarioId_version_key" ON "ScenarioChange"("scenarioId", "version");

-- CreateIndex
CREATE INDEX "ScenarioComment_scenarioId_createdAt_idx" ON "ScenarioComment"("scenarioId", "createdAt");

-- CreateIndex
CREATE INDEX "_ScenarioOffices_B_index" ON "_ScenarioOffices"("B");

-- CreateIndex
CREATE INDEX "_ScenarioTeamServices_B_index" ON "_ScenarioTeamServices"("B");

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_mergerId_fkey" FOREIGN KEY ("mergerId") REFERENCES "Merger"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_baseScenarioId_fkey" FOREIGN KEY ("baseScenarioId") REFERENCES "Scenario"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scenario" ADD CONSTRAINT "Scenario_templateOfficeId_fkey" FOREIGN KEY ("templateOfficeId") REFERENCES "Office"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTeam" ADD CONSTRAINT "ScenarioTeam_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTeam" ADD CONSTRAINT "ScenarioTeam_sourceTeamId_fkey" FOREIGN KEY ("sourceTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTeam" ADD CONSTRAINT "ScenarioTeam_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioTeam" ADD CONSTRAINT "ScenarioTeam_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ScenarioTeam"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "ScenarioTeam"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_sourceAssignmentId_fkey" FOREIGN KEY ("sourceAssignmentId") REFERENCES "Assignment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_reportsToId_fkey" FOREIGN KEY ("reportsToId") REFERENCES "ScenarioPosition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioChange" ADD CONSTRAINT "ScenarioChange_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScenarioComment" ADD CONSTRAINT "ScenarioComment_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ScenarioOffices" ADD CONSTRAINT "_ScenarioOffices_A_fkey" FOREIGN KEY ("A") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ScenarioOffices" ADD CONSTRAINT "_ScenarioOffices_B_fkey" FOREIGN KEY ("B") REFERENCES "Scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ScenarioTeamServices" ADD CONSTRAINT "_ScenarioTeamServices_A_fkey" FOREIGN KEY ("A") REFERENCES "ScenarioTeam"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ScenarioTeamServices" ADD CONSTRAINT "_ScenarioTeamServices_B_fkey" FOREIGN KEY ("B") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Checks Prisma cannot express, as in the first migration
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_fte_range" CHECK ("fte" > 0 AND "fte" <= 1);
ALTER TABLE "ScenarioTeam" ADD CONSTRAINT "ScenarioTeam_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "ScenarioPosition" ADD CONSTRAINT "ScenarioPosition_not_own_manager" CHECK ("reportsToId" IS NULL OR "reportsToId" <> "id");
ALTER TABLE "HealthCheckSettings" ADD CONSTRAINT "HealthCheckSettings_sane" CHECK ("minSpan" >= 0 AND "maxSpan" >= "minSpan" AND "maxLayers" >= 1 AND "minTeamSize" >= 0 AND "maxFte" > 0);

-- At most one approved scenario per merger
CREATE UNIQUE INDEX "Scenario_one_approved_per_merger" ON "Scenario"("mergerId") WHERE "status" = 'APPROVED';

-- Default thresholds row
INSERT INTO "HealthCheckSettings" ("id", "updatedAt") VALUES ('default', CURRENT_TIMESTAMP);
