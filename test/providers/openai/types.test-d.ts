import OpenAI from 'openai';
import { describe, expectTypeOf, test } from 'vitest';
import { SecureOpenAI } from '../../../providers/openai/index.js';

declare const plain: OpenAI;
declare const secure: SecureOpenAI;

describe('SecureOpenAI types', () => {
  test('types: SecureOpenAI is assignable to OpenAI', () => {
    expectTypeOf<SecureOpenAI>().toMatchTypeOf<OpenAI>();
  });

  test('types: chat.completions methods have exactly the SDK signatures', () => {
    expectTypeOf(secure.chat.completions.create).toEqualTypeOf(plain.chat.completions.create);
    expectTypeOf(secure.chat.completions.stream).toEqualTypeOf(plain.chat.completions.stream);
    expectTypeOf(secure.chat.completions.parse).toEqualTypeOf(plain.chat.completions.parse);
  });

  test('types: responses, embeddings and beta keep the SDK signatures', () => {
    expectTypeOf(secure.responses.create).toEqualTypeOf(plain.responses.create);
    expectTypeOf(secure.responses.stream).toEqualTypeOf(plain.responses.stream);
    expectTypeOf(secure.responses.parse).toEqualTypeOf(plain.responses.parse);
    expectTypeOf(secure.embeddings.create).toEqualTypeOf(plain.embeddings.create);
    expectTypeOf(secure.beta).toEqualTypeOf(plain.beta);
  });

  test('types: withOptions and withGuard return SecureOpenAI', () => {
    expectTypeOf(secure.withOptions({})).toEqualTypeOf<SecureOpenAI>();
    expectTypeOf(secure.withGuard({ injection: 'off' })).toEqualTypeOf<SecureOpenAI>();
    // @ts-expect-error an unknown action is a type error
    secure.withGuard({ injection: 'maybe' });
  });
});
