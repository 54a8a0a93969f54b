-- Genesis of the audit hash chain (see src/audit/chain.ts).
INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, 'GENESIS');
