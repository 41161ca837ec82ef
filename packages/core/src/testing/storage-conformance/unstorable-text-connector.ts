import { z } from "zod";
import type { Connector } from "../../connector/connector";
import type { SourcePage } from "../../connector/source-page";
import type { CredentialVault } from "../../secrets/credential-vault";
import { Secret } from "../../secrets/secret";

/** The same pages on every read: each holds good records and records with text storage cannot hold. */
const UNSTORABLE_TEXT_PAGES: ReadonlyArray<SourcePage> = [
  {
    kind: "user",
    upserts: [
      { externalId: "ok-1", data: { email: "ok1@x.io", displayName: "OK 1", active: true, dept: "IT" } },
      { externalId: "nul-name", data: { email: "n1@x.io", displayName: "Bad\u0000Name", active: true } },
      { externalId: "nul-mail", data: { email: "bad\u0000@x.io", displayName: "Bad mail", active: true } },
      {
        externalId: "nul-attr",
        data: { email: "n3@x.io", displayName: "N3", active: true, dept: "R\u0000D" },
      },
      { externalId: "surrogate", data: { email: "n4@x.io", displayName: "N4\ud800", active: true } },
      { externalId: "nul\u0000id", data: { email: "n5@x.io", displayName: "N5", active: true } },
      { externalId: "ok-2", data: { email: "ok2@x.io", displayName: "OK 2", active: true } },
    ],
    removals: [{ externalId: "gone\u0000", reason: "deleted" }],
    checkpoint: { page: 1 },
  },
  {
    kind: "group",
    upserts: [
      { externalId: "g-ok", data: { displayName: "Team", description: "fine" } },
      { externalId: "g-nul", data: { displayName: "Team\u0000B", description: null } },
    ],
    removals: [],
    memberships: [
      { groupExternalId: "g-ok", added: ["ok-1", "bad\u0000member"], removed: [] },
      { groupExternalId: "g\u0000", added: ["ok-2"], removed: [] },
    ],
    checkpoint: { page: 2 },
  },
  {
    kind: "device",
    upserts: [
      { externalId: "d-ok", data: { name: "Laptop" } },
      { externalId: "d-nul", data: { name: "Lap\u0000top", tags: ["x"] } },
    ],
    removals: [],
    checkpoint: { page: 3 },
  },
];

/** A connector that always reads {@link UNSTORABLE_TEXT_PAGES}. */
export function unstorableTextConnector(): Connector<Record<string, never>, never> {
  return {
    id: "unstorable-text",
    title: "Records with NUL characters",
    settingsSchema: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    secretsSchema: z.object({}),
    secretNames: [],
    entities: ["user", "group", "device"],
    capabilities: { incremental: false, webhooks: false, directions: ["inbound"] },
    defaultMappings: {},
    testConnection: async () => ({ ok: true, steps: [] }),
    async *read() {
      yield* UNSTORABLE_TEXT_PAGES;
    },
  };
}

/** A vault for the conformance suite only: it binds nothing and encrypts nothing (no secret is used). */
export const plainTestVault: CredentialVault = {
  seal: async (_owner, plaintext) => ({
    envelope: Secret.isSecret(plaintext) ? plaintext.reveal() : plaintext,
    keyId: "plain",
  }),
  open: async (_owner, envelope) => new Secret(envelope),
};
