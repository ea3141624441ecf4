export type InjectionFamily = "override" | "extraction" | "persona" | "delimiter" | "obfuscation" | "custom";

export interface FamilyPattern {
  family: InjectionFamily;
  pattern: RegExp;
  /**
   * A wide pattern ("ignore … instructions" with any words between) that students also use
   * about their own coursework ("can I skip the setup instructions in lab 1?"): such matches
   * are let through.
   */
  coursework?: boolean;
  /**
   * A chat-template token students name when asking what it is ("what are markers like
   * <|im_start|> used for?"): a lone mention inside a one-line question is let through.
   */
  nameable?: boolean;
}

export interface InjectionFinding {
  family: InjectionFamily;
  via?: string;
}
