/** How far back the typical wait for a staff answer is measured. */
export const TYPICAL_WAIT_DAYS = 30;

/** "about 40 minutes", "about 3 hours", "about 2 days". */
export function describeDuration(minutes: number): string {
  if (minutes < 1.5) return "about a minute";
  if (minutes < 90) return `about ${Math.round(minutes)} minutes`;
  const hours = minutes / 60;
  if (hours < 36) return `about ${Math.round(hours)} hours`;
  return `about ${Math.round(hours / 24)} days`;
}

/** What a student is told once a question went to the staff. */
export function sentMessage(typicalWaitMinutes: number | null, whereAnswerArrives: string): string {
  const sent = "Sent to the teaching staff.";
  if (typicalWaitMinutes === null) {
    return (
      `${sent} Their answer will appear ${whereAnswerArrives}. There are no answered questions in ` +
      `the last ${TYPICAL_WAIT_DAYS} days yet to say how long that usually takes.`
    );
  }
  return (
    `${sent} They usually answer within ${describeDuration(typicalWaitMinutes)} ` +
    `(the median over the last ${TYPICAL_WAIT_DAYS} days); their answer will appear ${whereAnswerArrives}.`
  );
}
