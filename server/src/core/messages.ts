// User-facing message texts, in every language the tools speak (SPEC §6: English and
// Simplified Chinese). Core results carry a Message (id + args); the edges render it.
import type { Message, MessageId } from './types';

export type Locale = 'en' | 'zh-cn';

const TEMPLATES: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = {
	en: {
		brokenLink: "No note or file named '{target}'",
		brokenLinkOutside: "'{target}' points outside the vault",
		brokenHeading: "'{note}' has no heading '{fragment}'",
		brokenBlock: "'{note}' has no block '^{fragment}'",
		ambiguousLink: "'{target}' matches {count} notes: {candidates}",
		notATopic: "'{target}' is not in the topics folder '{folder}'",
		duplicateTopic: "Topic '{target}' is already listed on line {line}",
		yamlSyntax: 'Front matter is not valid YAML: {reason}',
		yamlUnclosed: "Front matter opened with '---' is never closed",
		duplicateKey: "Key '{key}' is repeated in the front matter",
		notAMapping: 'Front matter must be a mapping of keys to values',
		missingFrontMatter: 'This note has no front matter; it must have {fields}',
		missingField: "Required field '{field}' is missing",
		invalidValue: "'{field}' {reason}",
		invalidConfig: 'Invalid configuration: {reason}',
		fileTooLarge: 'Skipped: the file is {size} bytes, larger than maxFileSize ({limit})',
		fileBinary: 'Skipped: the file looks binary',
		fileNotUtf8: 'Skipped: the file is not valid UTF-8',
		fileUnreadable: 'Skipped: the file could not be read ({reason})',
	},
	'zh-cn': {
		brokenLink: '找不到名为“{target}”的笔记或文件',
		brokenLinkOutside: '“{target}”指向仓库之外',
		brokenHeading: '“{note}”中没有标题“{fragment}”',
		brokenBlock: '“{note}”中没有块“^{fragment}”',
		ambiguousLink: '“{target}”匹配 {count} 篇笔记：{candidates}',
		notATopic: '“{target}”不在主题文件夹“{folder}”中',
		duplicateTopic: '主题“{target}”已在第 {line} 行列出',
		yamlSyntax: 'Front matter 不是有效的 YAML：{reason}',
		yamlUnclosed: '以“---”开始的 front matter 没有结束行',
		duplicateKey: 'Front matter 中的键“{key}”重复',
		notAMapping: 'Front matter 必须是键值映射',
		missingFrontMatter: '这篇笔记没有 front matter；它必须包含 {fields}',
		missingField: '缺少必填字段“{field}”',
		invalidValue: '“{field}”{reason}',
		invalidConfig: '配置无效：{reason}',
		fileTooLarge: '已跳过：文件大小 {size} 字节，超过 maxFileSize（{limit}）',
		fileBinary: '已跳过：文件看起来是二进制文件',
		fileNotUtf8: '已跳过：文件不是有效的 UTF-8',
		fileUnreadable: '已跳过：无法读取文件（{reason}）',
	},
};

/** Picks the supported locale closest to a client's locale tag (`zh-CN`, `zh-Hans`, `en-US`…). */
export function toLocale(tag: string | undefined): Locale {
	return tag !== undefined && tag.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** Renders a message in a language. Unknown placeholders are left as written. */
export function formatMessage(message: Message, locale: Locale = 'en'): string {
	const template = TEMPLATES[locale][message.id];
	const args = message.args ?? {};
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
