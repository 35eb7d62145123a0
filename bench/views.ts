// Measures the view requests' core work (timeline, topics, backlinks with line context, summary)
// on the sample vault and on generated vaults. Usage:
//   node scripts/run-ts.mjs bench/views.ts [--notes 10000,100000] [--sample /work/shared/vaults/sample]
// Times are CPU milliseconds (medians of 5 runs, or one run for "cold": the first call for an index state).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Change } from '../server/src/core';
import {
	CONFIG_FILE_NAME,
	LineIndex,
	VaultIndex,
	buildSummary,
	buildTimeline,
	isInvisiblePath,
	listBacklinks,
	listTopics,
	loadConfig,
} from '../server/src/core';
import { lineContext } from '../server/src/lsp/lineContext';
import { createRandom } from './random';

interface Vault {
	readonly name: string;
	readonly texts: Map<string, string>;
	readonly config: string | undefined;
}

function main(): void {
	const notes = (argument('--notes') ?? '10000,100000').split(',').map(Number);
	const sample = argument('--sample') ?? '/work/shared/vaults/sample';
	const vaults: Vault[] = [];
	if (fs.existsSync(sample)) vaults.push(readVault(sample));
	for (const count of notes) vaults.push(generateVault(count));
	for (const vault of vaults) report(vault, measure(vault));
}

function argument(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

function readVault(root: string): Vault {
	const texts = new Map<string, string>();
	const walk = (folder: string) => {
		for (const entry of fs.readdirSync(path.join(root, folder), { withFileTypes: true })) {
			const id = folder ? `${folder}/${entry.name}` : entry.name;
			if (isInvisiblePath(id)) continue;
			if (entry.isDirectory()) walk(id);
			else if (id.endsWith('.md')) texts.set(id, fs.readFileSync(path.join(root, id), 'utf8'));
		}
	};
	walk('');
	const configPath = path.join(root, CONFIG_FILE_NAME);
	const config = fs.existsSync(configPath) ? fs.readFileSync(configPath, 'utf8') : undefined;
	return { name: `sample (${texts.size} notes)`, texts, config };
}

const TOPICS = 300;
const AUTHORS = ['宝玉', '数字生命', 'Alice', 'Bob', '张三', '李四', 'OpenAI', 'Anthropic'];

/** Blog-like notes: a date (some undated, some `YYYY/MM/DD`), an author, a summary and topics with a long tail. */
function generateVault(count: number): Vault {
	const random = createRandom(count);
	const texts = new Map<string, string>();
	for (let topic = 0; topic < TOPICS; topic++)
		texts.set(`00-元语/主题${topic}.md`, `---\ntitle: 主题 ${topic}\n---\n# 主题 ${topic}\n`);
	// Squaring skews the choice towards the first topics, so that a few become hubs.
	const pickTopic = () => Math.floor(random.next() ** 3 * TOPICS);
	for (let index = 0; index < count; index++) {
		const year = 2010 + random.int(16);
		const month = String(1 + random.int(12)).padStart(2, '0');
		const day = String(1 + random.int(28)).padStart(2, '0');
		const date =
			random.int(20) === 0 ? '' : random.int(5) === 0 ? `${year}/${month}/${day}` : `"${year}-${month}-${day}"`;
		const topics = [pickTopic(), pickTopic(), pickTopic()];
		const other = random.int(Math.max(1, index));
		const text = [
			'---',
			`title: 笔记 ${index} 😀`,
			...(date ? [`发布日期: ${date}`] : []),
			`作者: ${AUTHORS[random.int(AUTHORS.length)]}`,
			'---',
			'## 摘要',
			`**要点**：见 [[n${other}]] 与 [[主题${topics[0]}]]，*强调* 与 \`code\`。`,
			'## 正文',
			`正文 ${'文字'.repeat(random.int(200))} [[n${other}]]`,
			'## 关联主题',
			...topics.map((topic) => `- [[00-元语/主题${topic}]]`),
		].join('\n');
		texts.set(`01-博客/${year}/n${index}.md`, text);
	}
	return { name: `generated (${texts.size} notes)`, texts, config: undefined };
}

/**
 * Median CPU time (user + system) of `repeat` runs: the machine is shared, and wall time would
 * measure the other processes as much as ours.
 */
function time<T>(run: () => T, repeat = 5): { ms: number; value: T } {
	const samples: number[] = [];
	let value!: T;
	for (let index = 0; index < repeat; index++) {
		const start = process.cpuUsage();
		value = run();
		const used = process.cpuUsage(start);
		samples.push((used.user + used.system) / 1000);
	}
	samples.sort((a, b) => a - b);
	return { ms: samples[Math.floor(samples.length / 2)]!, value };
}

function once<T>(run: () => T): { ms: number; value: T } {
	return time(run, 1);
}

type Measures = Record<string, number | string>;

function measure(vault: Vault): Measures {
	const res: Measures = {};
	const index = new VaultIndex(loadConfig(vault.config));
	const changes: Change[] = [...vault.texts].map(([id, text]) => ({ kind: 'note', id, text }));
	res['index build'] = once(() => index.apply(changes)).ms;
	measureTimeline(index, res);
	const edited = [...vault.texts.keys()].find((id) => !id.startsWith('00-'))!;
	index.apply([{ kind: 'note', id: edited, text: `${vault.texts.get(edited)!}\nedited` }]);
	res['timeline top after one edit (cold)'] = once(() => buildTimeline(index, {})).ms;
	const topics = once(() => listTopics(index, {}));
	res['topics list (cold)'] = topics.ms;
	const hub = topics.value[0]!;
	res['most-linked topic'] = `${hub.id} (${hub.count} members, ${index.linkingNotes(hub.id).length} linking notes)`;
	measureBacklinks(index, vault, hub.id, res);
	res['summary of one note'] = time(() => buildSummary(index, edited, vault.texts.get(edited)!)).ms;
	return res;
}

function measureTimeline(index: VaultIndex, res: Measures): void {
	const top = once(() => buildTimeline(index, {}));
	res['timeline top (cold: bucketing)'] = top.ms;
	res['timeline top (warm)'] = time(() => buildTimeline(index, {})).ms;
	const year = top.value.find((item) => item.kind === 'group')!.id;
	const months = once(() => buildTimeline(index, { parent: year }));
	res[`timeline expand ${year}`] = months.ms;
	const month = months.value[0]!.id;
	res[`timeline expand ${month} (first: sorts the month)`] = once(() => buildTimeline(index, { parent: month })).ms;
	res[`timeline expand ${month} (again)`] = time(() => buildTimeline(index, { parent: month })).ms;
	const topicFilter = once(() => buildTimeline(index, { filter: { topic: '00-元语/主题0.md' } }));
	res['timeline top with a topic filter (cold)'] = topicFilter.ms;
}

/** The core's groups, then the adapter's line context for the first 500 groups (texts in memory). */
function measureBacklinks(index: VaultIndex, vault: Vault, hub: string, res: Measures): void {
	const groups = time(() => listBacklinks(index, hub));
	res['backlinks of the hub (core)'] = groups.ms;
	res['backlinks of the hub (+ context of 500 groups)'] = time(() =>
		listBacklinks(index, hub)
			.slice(0, 500)
			.map((group) => {
				const lines = new LineIndex(vault.texts.get(group.id) ?? '');
				return group.ranges.map((range) => lineContext(lines, range));
			}),
	).ms;
}

function report(vault: Vault, measures: Measures): void {
	process.stdout.write(`\n${vault.name}\n`);
	for (const [name, value] of Object.entries(measures)) {
		process.stdout.write(`  ${name.padEnd(52)} ${typeof value === 'number' ? `${value.toFixed(1)} ms` : value}\n`);
	}
}

main();
