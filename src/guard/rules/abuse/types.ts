export type AbuseFamily = "insult" | "threat" | "harassment" | "doxxing" | "hate" | "custom";

export interface AbusePattern {
  family: AbuseFamily;
  pattern: RegExp;
}
