// The seed a benchmark vault is scaled from: the sample vault when it is present (read at run
// time, never copied into the repository), else a small vault of generated text with the same
// shape (a topics folder of hubs, notes in subfolders that link to topics and to each other).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRandom } from './random';

export interface SeedFile {
	/** Vault-relative POSIX path. */
	readonly id: string;
	/** Undefined for an attachment (copied once, byte for byte, from `source`). */
	readonly text: string | undefined;
	readonly source?: string;
}

export interface Seed {
	readonly name: string;
	readonly files: readonly SeedFile[];
}

export const TOPICS_FOLDER = '00-元语';

export function loadSeed(sampleRoot: string): Seed {
	if (fs.existsSync(sampleRoot)) return { name: 'sample', files: readTree(sampleRoot) };
	return { name: 'builtin', files: builtinSeed() };
}

function readTree(root: string): SeedFile[] {
	const files: SeedFile[] = [];
	const walk = (folder: string, prefix: string): void => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			// Invisible folders and files are not part of a vault (SPEC §1); the config file is.
			if (entry.name.startsWith('.') && entry.name !== '.vault-notes.json') continue;
			if (entry.name === 'node_modules') continue;
			const absolute = path.join(folder, entry.name);
			const id = prefix + entry.name;
			if (entry.isDirectory()) walk(absolute, id + '/');
			else if (entry.isFile() && /\.md$/i.test(entry.name)) files.push({ id, text: fs.readFileSync(absolute, 'utf8') });
			else if (entry.isFile()) files.push({ id, text: undefined, source: absolute });
		}
	};
	walk(root, '');
	return files;
}

const WORDS = [
	'模型',
	'推理',
	'工具',
	'索引',
	'链接',
	'agent',
	'vault',
	'note',
	'检索',
	'评测',
	'graph',
	'缓存',
	'prompt',
];

/** About 200 notes of generated text; topic 0 is linked by every note, so it becomes the hub. */
function builtinSeed(): SeedFile[] {
	const random = createRandom(7);
	const word = () => WORDS[random.int(WORDS.length)]!;
	const sentence = () => Array.from({ length: 12 + random.int(20) }, word).join(' ') + '。';
	const topics = Array.from({ length: 40 }, (_, index) => `topic-${index}`);
	const notes = Array.from({ length: 160 }, (_, index) => `01-博客/group-${index % 8}/note ${word()} ${index}`);
	const files: SeedFile[] = topics.map((topic) => ({
		id: `${TOPICS_FOLDER}/${topic}.md`,
		text: `---\ntitle: "${topic}"\n---\n\n## 定义\n\n${sentence()}\n`,
	}));
	notes.forEach((note, index) => {
		const related = [0, ...Array.from({ length: 4 }, () => 1 + random.int(topics.length - 1))];
		const others = Array.from({ length: 3 }, () => notes[random.int(notes.length)]!);
		const body = Array.from({ length: 30 }, (_, line) =>
			line % 7 === 3 ? `见 [[${others[line % 3]}]]。` : sentence(),
		);
		const section = [...new Set(related)].map((topic) => `- [[${TOPICS_FOLDER}/${topics[topic]}]]`).join('\n');
		const text = `---\ntitle: "note ${index}"\n发布日期: "2024-01-${String(1 + (index % 28)).padStart(2, '0')}"\n---\n\n## 摘要\n\n${body.join('\n\n')}\n\n## 关联主题\n\n${section}\n`;
		files.push({ id: note + '.md', text });
	});
	return files;
}
