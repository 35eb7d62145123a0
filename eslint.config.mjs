// Lint rules, including the module-boundary rules of ARCHITECTURE.md.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
	'fs',
	'path',
	'os',
	'child_process',
	'worker_threads',
	'url',
	'util',
	'crypto',
	'events',
	'stream',
];

export default tseslint.config(
	{
		ignores: [
			'**/*.tmp.*',
			'node_modules/**',
			'dist/**',
			'out/**',
			'.cache/**',
			'test/fixtures/**',
			'examples/**',
			'media/**',
			'bench/results/**',
		],
	},
	...tseslint.configs.recommended,
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': 'error',
		},
	},
	{
		// The core is pure: no IO, no editor or protocol packages.
		files: ['server/src/core/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['node:*', ...nodeBuiltins], message: 'server/src/core does no IO: no Node built-ins.' },
						{ group: ['vscode', 'vscode-*'], message: 'server/src/core has no editor or LSP dependency.' },
						{
							group: ['**/lsp/**', '**/node/**', '**/client/**', '**/protocol/**'],
							message: 'core imports only core.',
						},
					],
				},
			],
		},
	},
	{
		files: ['server/src/lsp/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'],
							message: 'lsp/ reads files through the FileSystem interface.',
						},
						{ group: ['**/client/**'], message: 'the server never imports the client.' },
					],
				},
			],
		},
	},
	{
		files: ['server/src/**/*.ts'],
		rules: { 'no-console': 'error' },
	},
	{
		// The protocol is declared in vscode-languageserver's namespace style (a method and its type together).
		files: ['protocol/**/*.ts'],
		rules: { '@typescript-eslint/no-namespace': 'off' },
	},
	{
		files: ['client/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['**/server/**'], message: 'the client renders server data; it never imports server code.' },
					],
				},
			],
		},
	},
	{
		files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
		languageOptions: {
			globals: {
				process: 'readonly',
				console: 'readonly',
				require: 'readonly',
				module: 'writable',
				__dirname: 'readonly',
				URL: 'readonly',
				setTimeout: 'readonly',
				clearTimeout: 'readonly',
				Buffer: 'readonly',
			},
		},
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
