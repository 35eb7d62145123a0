// The summary preview's webview script. It renders the data the extension sends (the messages of
// client/src/preview/summaryMessages.ts) with createElement + textContent only: note content never
// reaches innerHTML, so a note cannot inject markup or script into the preview.
// @ts-check
(function () {
	// @ts-expect-error acquireVsCodeApi is provided by the webview host.
	const vscode = acquireVsCodeApi();
	const root = /** @type {HTMLElement} */ (document.getElementById('root'));
	const labels = JSON.parse(document.body.dataset.labels || '{}');

	window.addEventListener('message', (event) => {
		const message = event.data;
		if (!message || typeof message.type !== 'string') return;
		if (message.type === 'summary') renderSummary(message.summary);
		else if (message.type === 'empty') renderEmpty(message.message);
	});

	/** @param {string} text */
	function renderEmpty(text) {
		root.replaceChildren(element('p', { className: 'empty' }, [text]));
		reportRendered(undefined);
	}

	/** @param {any} summary a SummaryResult */
	function renderSummary(summary) {
		vscode.setState({ uri: summary.uri });
		const children = [renderHeader(summary), renderBody(summary.summary), renderTopics(summary.topics)];
		children.push(element('footer', { className: 'backlinks' }, [backlinkText(summary.backlinkCount)]));
		root.replaceChildren(...children);
		reportRendered(summary.uri);
	}

	/** @param {any} summary */
	function renderHeader(summary) {
		const meta = element('p', { className: 'meta' }, []);
		if (summary.date) meta.append(element('span', { title: labels.date, className: 'date' }, [summary.date]));
		if (summary.author) meta.append(element('span', { title: labels.author, className: 'author' }, [summary.author]));
		if (summary.source) {
			const source = element('a', { href: '#', className: 'source', title: summary.source }, [labels.source]);
			source.addEventListener('click', (event) => {
				event.preventDefault();
				vscode.postMessage({ type: 'openSource', href: summary.source });
			});
			meta.append(source);
		}
		return element('header', {}, [element('h1', {}, [summary.title]), meta]);
	}

	/** @param {any[]} nodes SummaryNode[] */
	function renderBody(nodes) {
		if (nodes.length === 0) return element('section', { className: 'summary empty' }, [labels.noSummary]);
		const section = element('section', { className: 'summary' }, []);
		for (const node of nodes) section.append(renderNode(node));
		return section;
	}

	/** @param {{ uri: string, title: string }[]} topics */
	function renderTopics(topics) {
		const list = element('nav', { className: 'topics', ariaLabel: labels.topics }, []);
		if (topics.length === 0) list.append(element('span', { className: 'empty' }, [labels.noTopics]));
		for (const topic of topics) {
			const chip = element('button', { className: 'chip', title: topic.uri }, [topic.title]);
			chip.addEventListener('click', () => vscode.postMessage({ type: 'openNote', uri: topic.uri }));
			list.append(chip);
		}
		return list;
	}

	/**
	 * One SummaryNode as DOM. Unknown node types render their text content, so a newer server
	 * never breaks an older preview.
	 * @param {any} node
	 * @returns {Node}
	 */
	function renderNode(node) {
		switch (node.type) {
			case 'text':
				return document.createTextNode(String(node.value));
			case 'code':
				return element('code', {}, [String(node.value)]);
			case 'break':
				return document.createElement('br');
			case 'codeBlock':
				return element('pre', {}, [element('code', {}, [String(node.value)])]);
			case 'link':
				return renderLink(node);
			case 'heading':
				return withChildren(`h${Math.min(6, Math.max(2, (node.depth || 1) + 1))}`, node.children);
			case 'list':
				return withChildren(node.ordered ? 'ol' : 'ul', node.children);
			default:
				return withChildren(tagOf(node.type), node.children || []);
		}
	}

	/** @param {any} node */
	function renderLink(node) {
		const link = withChildren('a', node.children);
		link.setAttribute('href', '#');
		link.title = String(node.href);
		link.addEventListener('click', (event) => {
			event.preventDefault();
			vscode.postMessage({ type: 'openLink', href: String(node.href) });
		});
		return link;
	}

	/** @param {string} type */
	function tagOf(type) {
		const tags = {
			paragraph: 'p',
			strong: 'strong',
			emphasis: 'em',
			delete: 'del',
			listItem: 'li',
			blockquote: 'blockquote',
		};
		return tags[/** @type {keyof typeof tags} */ (type)] || 'span';
	}

	/**
	 * @param {string} tag
	 * @param {any[]} children
	 */
	function withChildren(tag, children) {
		const result = document.createElement(tag);
		for (const child of children) result.append(renderNode(child));
		return result;
	}

	/**
	 * @param {string} tag
	 * @param {Record<string, string>} properties
	 * @param {(Node | string)[]} children strings become text nodes
	 */
	function element(tag, properties, children) {
		const result = document.createElement(tag);
		Object.assign(result, properties);
		result.append(...children);
		return result;
	}

	/** @param {number} count */
	function backlinkText(count) {
		if (count === 0) return labels.backlinksNone;
		if (count === 1) return labels.backlinksOne;
		return String(labels.backlinks).replace('{0}', String(count));
	}

	/** @param {string | undefined} uri */
	function reportRendered(uri) {
		vscode.postMessage({ type: 'rendered', uri, text: root.innerText || root.textContent || '' });
	}

	vscode.postMessage({ type: 'ready' });
})();
