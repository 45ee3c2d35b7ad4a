/** Facts about the pathways that the API's rules and the web app both read. */

/** Pathways that follow a person out of prison, where a release is recorded. */
export const PRISON_PATHWAYS: readonly string[] = ['continuity_of_care', 'through_the_gate'];

/** True for a pathway with a prison release. */
export const isPrisonPathway = (pathway: string): boolean => PRISON_PATHWAYS.includes(pathway);
