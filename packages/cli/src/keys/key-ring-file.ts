import { z } from "zod";

/** The text every demo key ring carries, and that the CLI prints whenever it uses one. */
export const DEMO_ONLY_WARNING =
  "DEMO ONLY: this key ring was generated for a local demo. Never use it for real secrets.";

/** Zod schema of the key ring file: generated AES-256 keys in base64, one of them active. */
export const keyRingFileSchema = z.object({
  format: z.literal("uslimato-key-ring/1"),
  /** Present on demo key rings: {@link DEMO_ONLY_WARNING}. */
  warning: z.string().optional(),
  activeKeyId: z.string().min(1),
  keys: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
        key: z.base64(),
        createdAt: z.string(),
      }),
    )
    .min(1),
});

/** The key ring file's content. Its `key`s are secret: the file is written with mode 0600. */
export type KeyRingFile = z.output<typeof keyRingFileSchema>;
