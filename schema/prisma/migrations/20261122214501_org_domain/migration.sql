-- CreateEnum
CREATE TYPE "OfficeStatus" AS ENUM ('ACTIVE', 'PLANNED', 'MERGED', 'CLOSED');

-- CreateEnum
CREATE TYPE "MergerStatus" AS ENUM ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RoleCategory" AS ENUM ('LEADER', 'ADVISER', 'CASEWORKER', 'SPECIALIST', 'SUPPORT');

-- CreateEnum
CREATE TYPE "ServiceProvider" AS ENUM ('STATE', 'MUNICIPAL', 'PARTNERSHIP');

-- CreateEnum
CREATE TYPE "Employer" AS ENUM ('STATE', 'MUNICIPAL');

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "mergedIntoId" TEXT,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Office" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "OfficeStatus" NOT NULL DEFAULT 'ACTIVE',
    "isPilot" BOOLEAN NOT NULL DEFAULT false,
    "isSpearhead" BOOLEAN NOT NULL DEFAULT false,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Office_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Merger" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "targetOfficeId" TEXT NOT NULL,
    "effectiveDate" DATE NOT NULL,
    "status" "MergerStatus" NOT NULL DEFAULT 'PROPOSED',
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Merger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "officeId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "purpose" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" "RoleCategory" NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" "ServiceProvider" NOT NULL,
    "deadlineDays" INTEGER,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "employer" "Employer" NOT NULL,
    "ssoSubject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "fte" DECIMAL(3,2) NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE,
    "reportsToId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "actorSubject" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OfficeMunicipalities" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OfficeMunicipalities_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_MergerSources" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_MergerSources_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_TeamServices" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_TeamServices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_number_key" ON "Municipality"("number");

-- CreateIndex
CREATE INDEX "Municipality_name_idx" ON "Municipality"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Office_code_key" ON "Office"("code");

-- CreateIndex
CREATE INDEX "Office_status_idx" ON "Office"("status");

-- CreateIndex
CREATE INDEX "Office_name_idx" ON "Office"("name");

-- CreateIndex
CREATE INDEX "Merger_targetOfficeId_idx" ON "Merger"("targetOfficeId");

-- CreateIndex
CREATE INDEX "Team_parentId_idx" ON "Team"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Team_officeId_name_key" ON "Team"("officeId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Role_code_key" ON "Role"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Service_code_key" ON "Service"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_ssoSubject_key" ON "Person"("ssoSubject");

-- CreateIndex
CREATE INDEX "Person_name_idx" ON "Person"("name");

-- CreateIndex
CREATE INDEX "Assignment_personId_startDate_idx" ON "Assignment"("personId", "startDate");

-- CreateIndex
CREATE INDEX "Assignment_teamId_idx" ON "Assignment"("teamId");

-- CreateIndex
CREATE INDEX "Assignment_roleId_idx" ON "Assignment"("roleId");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- CreateIndex
CREATE INDEX "_OfficeMunicipalities_B_index" ON "_OfficeMunicipalities"("B");

-- CreateIndex
CREATE INDEX "_MergerSources_B_index" ON "_MergerSources"("B");

-- CreateIndex
CREATE INDEX "_TeamServices_B_index" ON "_TeamServices"("B");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Merger" ADD CONSTRAINT "Merger_targetOfficeId_fkey" FOREIGN KEY ("targetOfficeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_officeId_fkey" FOREIGN KEY ("officeId") REFERENCES "Office"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Team" ADD CONSTRAINT "Team_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_reportsToId_fkey" FOREIGN KEY ("reportsToId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfficeMunicipalities" ADD CONSTRAINT "_OfficeMunicipalities_A_fkey" FOREIGN KEY ("A") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfficeMunicipalities" ADD CONSTRAINT "_OfficeMunicipalities_B_fkey" FOREIGN KEY ("B") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MergerSources" ADD CONSTRAINT "_MergerSources_A_fkey" FOREIGN KEY ("A") REFERENCES "Merger"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_MergerSources" ADD CONSTRAINT "_MergerSources_B_fkey" FOREIGN KEY ("B") REFERENCES "Office"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TeamServices" ADD CONSTRAINT "_TeamServices_A_fkey" FOREIGN KEY ("A") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TeamServices" ADD CONSTRAINT "_TeamServices_B_fkey" FOREIGN KEY ("B") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Constraints that the Prisma schema language cannot express. The API checks the same rules
-- first to give typed errors. These keep the data right whatever writes to it.
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_number_format" CHECK ("number" ~ '^[0-9]{4}$');
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_valid_dates" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_not_merged_into_itself" CHECK ("mergedIntoId" IS NULL OR "mergedIntoId" <> "id");
ALTER TABLE "Office" ADD CONSTRAINT "Office_code_format" CHECK ("code" ~ '^[0-9]{4}$');
ALTER TABLE "Office" ADD CONSTRAINT "Office_valid_dates" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "Office" ADD CONSTRAINT "Office_spearhead_is_pilot" CHECK (NOT "isSpearhead" OR "isPilot");
ALTER TABLE "Team" ADD CONSTRAINT "Team_not_own_parent" CHECK ("parentId" IS NULL OR "parentId" <> "id");
ALTER TABLE "Service" ADD CONSTRAINT "Service_deadline_positive" CHECK ("deadlineDays" IS NULL OR "deadlineDays" > 0);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_fte_range" CHECK ("fte" > 0 AND "fte" <= 1);
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_end_after_start" CHECK ("endDate" IS NULL OR "endDate" >= "startDate");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_not_reporting_to_self" CHECK ("reportsToId" IS NULL OR "reportsToId" <> "personId");
