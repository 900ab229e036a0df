import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Which @piddi packages each project may import: the arrows of docs/architecture.md.
// Tests may also use the mock Handle server and the shared test harness.
const ALLOWED_IMPORTS = {
  'libs/checksum': [],
  'libs/stac-model': [],
  'libs/handle-client': [],
  'libs/failure-store': [],
  'libs/kafka-source': [],
  'libs/pid-records': ['stac-model', 'checksum'],
  'apps/mock-handle': [],
  'tools/testing': [],
  'apps/cli': [
    'checksum',
    'stac-model',
    'handle-client',
    'pid-records',
    'failure-store',
    'kafka-source',
  ],
};
const TEST_ONLY_IMPORTS = ['mock-handle', 'testing'];
const ALL_PACKAGES = [...new Set(Object.keys(ALLOWED_IMPORTS).map((root) => root.split('/')[1]))];
const TEST_FILES = ['**/*.spec.ts', '**/integration/**/*.ts'];

function boundaryRule(root, allowed) {
  const own = root.split('/')[1];
  const forbidden = [...new Set([...ALL_PACKAGES, 'testing'])].filter(
    (name) => name !== own && !allowed.includes(name),
  );
  return [
    'error',
    {
      patterns: [
        {
          group: forbidden.map((name) => `@piddi/${name}`),
          message: 'Not an arrow of docs/architecture.md.',
        },
        {
          group: ['**/libs/*', '**/apps/*', '**/tools/*'],
          message: 'Import other projects by package name.',
        },
      ].filter((pattern) => pattern.group.length > 0),
    },
  ];
}

const boundaries = Object.entries(ALLOWED_IMPORTS).flatMap(([root, allowed]) => [
  { files: [`${root}/**/*.ts`], rules: { 'no-restricted-imports': boundaryRule(root, allowed) } },
  {
    files: TEST_FILES.map((pattern) => `${root}/${pattern}`),
    rules: { 'no-restricted-imports': boundaryRule(root, [...allowed, ...TEST_ONLY_IMPORTS]) },
  },
]);

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/coverage/**', 'outputs/**', '.nx/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly',
      },
    },
  },
);
