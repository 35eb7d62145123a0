// The heading comparison rule of SPEC §2.5 (6).

const IGNORED = /[#|^:%[\]]/g;
const SPACES = /\s+/g;

/**
 * The comparison key of a heading or of a link fragment: without the characters `# | ^ : %`
 * and `[ ]`, white space collapsed, case folded.
 */
export function headingKey(text: string): string {
	return text.normalize('NFC').replace(IGNORED, '').replace(SPACES, ' ').trim().toLowerCase();
}
