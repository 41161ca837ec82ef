import { isUslimatoError } from "@uslimato/core/storage";

/** Whether a page's write failed because one of its links exists already (a plain insert met `user_links_pkey`). */
export function linkTaken(error: unknown): boolean {
  return isUslimatoError(error, "STORAGE_CONFLICT") && error.details["constraint"] === "user_links_pkey";
}
