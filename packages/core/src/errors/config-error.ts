import { CoreError } from "./core-error";

/** One problem with a configuration, at a path, like zod's issues. */
export interface ConfigIssue {
  path: ReadonlyArray<string | number>;
  code: string;
  message: string;
}

/** `CONFIG_INVALID` with every problem found (not just the first), each with its path. */
export class ConfigError extends CoreError {
  readonly issues: ReadonlyArray<ConfigIssue>;

  constructor(subject: string, issues: ReadonlyArray<ConfigIssue>) {
    const listed = issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    super("CONFIG_INVALID", `Invalid ${subject}: ${listed}`, { path: issues[0]?.path ?? [] });
    this.name = "ConfigError";
    this.issues = issues;
  }

  override toJSON() {
    return { ...super.toJSON(), issues: this.issues };
  }
}
