// User-facing texts of rename and quick fixes (refusals, action titles), in English and
// Simplified Chinese. A table of its own: these are not diagnostics, so `messages.ts` stays theirs.
import type { Locale } from '../messages';

/** A refusal or an action title, rendered at the edge with `formatEditMessage`. */
export interface EditMessage {
	readonly id: EditMessageId;
	readonly args?: Readonly<Record<string, string | number>>;
}

const EN = {
	notRenamable: 'Place the cursor on a link (renames the note it points to) or on a heading',
	brokenTarget: "'{target}' points to no note or file: nothing to rename",
	ambiguousTarget: "'{target}' is ambiguous: pick a candidate first",
	emptyName: 'The new name is empty',
	sameName: "The new name is the current name '{name}'",
	invalidCharacters:
		"'{name}' has characters file systems or links refuse (: * ? \" < > | # ^ [ ] or control characters)",
	outsideVault: "'{name}' leaves the vault",
	invisiblePath: "'{name}' would be invisible (a folder or file name starting with '.', or node_modules)",
	targetExists: "'{path}' already exists",
	headingExists: "This note already has a heading '{name}'",
	headingUnreadable: 'This heading cannot be renamed (it spans several lines or the note changed)',
	noResourceOperations: 'Renaming a note needs an editor that can rename files in a workspace edit',
	indexing: 'The vault is still being indexed; try again in a moment',
	skippedNotes: 'These notes were not read and may still link to the old name: {notes}',
	updateLinksPrompt: 'Update {links} links in {notes} notes?',
	yes: 'Yes',
	no: 'No',
	createNote: "Create note '{path}'",
	useCandidate: "Link to '{path}'",
	replaceWith: "Change to '{name}'",
	useTopic: "Link to the topic '{path}'",
	removeLine: 'Remove this line from the topics section',
	removeDuplicate: 'Remove the duplicate topic',
	addField: "Add the field '{field}'",
	addFrontMatter: 'Add front matter with {fields}',
} as const;

export type EditMessageId = keyof typeof EN;

const TEMPLATES: Readonly<Record<Locale, Readonly<Record<EditMessageId, string>>>> = {
	en: EN,
	'zh-cn': {
		notRenamable: '请把光标放在链接（重命名它指向的笔记）或标题上',
		brokenTarget: '“{target}”没有指向任何笔记或文件：无可重命名',
		ambiguousTarget: '“{target}”有歧义：请先选定一个候选',
		emptyName: '新名字为空',
		sameName: '新名字与当前名字“{name}”相同',
		invalidCharacters: '“{name}”含有文件系统或链接不接受的字符（: * ? " < > | # ^ [ ] 或控制字符）',
		outsideVault: '“{name}”超出了仓库',
		invisiblePath: '“{name}”将不可见（以“.”开头的文件夹或文件名，或 node_modules）',
		targetExists: '“{path}”已存在',
		headingExists: '这篇笔记已有标题“{name}”',
		headingUnreadable: '无法重命名这个标题（它跨越多行，或笔记已改变）',
		noResourceOperations: '重命名笔记需要编辑器支持在工作区编辑中重命名文件',
		indexing: '仓库仍在建立索引，请稍后再试',
		skippedNotes: '这些笔记未被读取，可能仍链接到旧名字：{notes}',
		updateLinksPrompt: '更新 {notes} 篇笔记中的 {links} 个链接？',
		yes: '是',
		no: '否',
		createNote: '创建笔记“{path}”',
		useCandidate: '链接到“{path}”',
		replaceWith: '改为“{name}”',
		useTopic: '链接到主题“{path}”',
		removeLine: '从关联主题中删除这一行',
		removeDuplicate: '删除重复的主题',
		addField: '添加字段“{field}”',
		addFrontMatter: '添加包含 {fields} 的 front matter',
	},
};

/** Renders an edit message in a language; unknown placeholders are left as written. */
export function formatEditMessage(message: EditMessage, locale: Locale = 'en'): string {
	const args = message.args ?? {};
	return TEMPLATES[locale][message.id].replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in args ? String(args[name]) : whole,
	);
}
