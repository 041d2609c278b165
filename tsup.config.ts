import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    openai: 'providers/openai/index.ts',
    anthropic: 'providers/anthropic/index.ts',
    testing: 'src/testing/index.ts',
    'cli/index': 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  external: ['openai', '@anthropic-ai/sdk', 'zod', 'commander', 'libphonenumber-js'],
});
