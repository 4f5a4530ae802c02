-- CreateTable
CREATE TABLE "SsoUser" (
    "subject" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT,
    "name" TEXT NOT NULL,
    "lastSeenAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SsoUser_pkey" PRIMARY KEY ("subject")
);

-- CreateIndex
CREATE UNIQUE INDEX "SsoUser_username_key" ON "SsoUser"("username");

-- CreateIndex
CREATE INDEX "SsoUser_email_idx" ON "SsoUser"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_actorSubject_createdAt_idx" ON "AuditEvent"("actorSubject", "createdAt");

