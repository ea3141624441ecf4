import { describe, expect, it } from "vitest";
import { isStaff } from "../../../src/surfaces/lti/index.ts";

const LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

describe("who counts as staff in a launch", () => {
  it("counts instructors, teaching assistants, content developers and administrators", () => {
    for (const role of [
      `${LIS}membership#Instructor`,
      `${LIS}membership/Instructor#TeachingAssistant`,
      `${LIS}membership#ContentDeveloper`,
      `${LIS}membership#Administrator`,
      `${LIS}institution/person#Administrator`,
      "Instructor",
    ]) {
      expect(isStaff([role]), role).toBe(true);
    }
  });

  it("does not count learners, mentors or guests", () => {
    for (const role of [
      `${LIS}membership#Learner`,
      `${LIS}membership/Learner#NonCreditLearner`,
      `${LIS}membership#Mentor`,
      `${LIS}institution/person#Guest`,
      "Learner",
    ]) {
      expect(isStaff([role]), role).toBe(false);
    }
    expect(isStaff([])).toBe(false);
  });
});
