/** Type OIDs whose parsing both drivers are told to do the same way. */
const INT8 = 20;
const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

const toIso = (text: string): string => new Date(text).toISOString();

/**
 * Same JavaScript values from PGlite and pg: int8 as number (versions and counts stay
 * far below 2^53), timestamps as ISO strings (what the record schemas expect), dates as
 * their text (a Date would shift by the server's time zone).
 */
export const TYPE_PARSERS: Readonly<Record<number, (text: string) => unknown>> = {
  [INT8]: (text) => Number(text),
  [DATE]: (text) => text,
  [TIMESTAMP]: (text) => toIso(`${text}Z`),
  [TIMESTAMPTZ]: toIso,
};
