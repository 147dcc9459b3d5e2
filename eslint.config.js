// Lint: TypeScript syntax plus the import boundaries that keep the data flow one-directional
// (docs/architecture.md). Each folder may import only what its row allows.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'net', 'http', 'http2', 'https', 'tls', 'dgram', 'os', 'path', 'child_process', 'worker_threads', 'cluster'];

/** @param {string[]} patterns @param {string} message */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ir/**/*.ts'],
    ...{ rules: forbid(['../*', ...NODE_BUILTINS], 'ir/ is plain data types: it imports nothing.') },
  },
  {
    files: ['src/api/**/*.ts'],
    ...{ rules: forbid(['../*', ...NODE_BUILTINS], 'api/ is Kubernetes shapes and constants: it imports nothing.') },
  },
  {
    files: ['src/translator/**/*.ts'],
    ignores: ['src/translator/**/*.test.ts'],
    ...{ rules: forbid(
      [...NODE_BUILTINS, '../dataplane', '../dataplane/*', '../providers', '../providers/*', '../admin', '../admin/*', '../cli', '../cli/*', '../observability', '../observability/*', 'pino', 'prom-client'],
      'The translator is pure: no I/O, no data plane, no providers.') },
  },
  {
    files: ['src/dataplane/**/*.ts'],
    ...{ rules: forbid(
      ['../api', '../api/*', '../../api', '../../api/*', '../translator', '../translator/*', '../../translator', '../../translator/*', '../store', '../store/*', '../../store', '../../store/*', '../providers', '../providers/*', '../../providers', '../../providers/*'],
      'The data plane reads only the IR: no Kubernetes shapes, translator, store or providers.') },
  },
);
