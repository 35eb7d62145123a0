// The date a note is filed under in the timeline: the written value of the config's `dateField`,
// read leniently because vaults mix `2024-12-02`, `2024-12-02T09:30` and `2024/12/02`.

/** A calendar date read from front matter. */
export interface NoteDate {
	/** `YYYY-MM-DD`, whatever the separator was. */
	readonly day: string;
	readonly year: string;
	/** `YYYY-MM`. */
	readonly month: string;
	/** The day followed by the written time of day (if any): orders notes within a day. */
	readonly sortKey: string;
}

const DATE = /^(\d{4})([-/])(\d{2})\2(\d{2})(?:(?:[T ])(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\S*)?$/;

/**
 * Reads `YYYY-MM-DD`, `YYYY/MM/DD` and `YYYY-MM-DDTHH:mm…` (time zones are not converted:
 * the date is the one the author wrote). Anything else, or a day that is not on the calendar,
 * is undefined.
 */
export function parseNoteDate(written: string | undefined): NoteDate | undefined {
	const match = written === undefined ? null : DATE.exec(written.trim());
	if (!match) return undefined;
	const [, year, , month, day, time] = match as unknown as [string, string, string, string, string, string | undefined];
	if (!isOnCalendar(Number(year), Number(month), Number(day))) return undefined;
	const dayText = `${year}-${month}-${day}`;
	return { day: dayText, year, month: `${year}-${month}`, sortKey: time ? `${dayText}T${time}` : dayText };
}

function isOnCalendar(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
	return day <= lengths[month - 1]!;
}
