import Anthropic from '@anthropic-ai/sdk';
import { describe, expectTypeOf, test } from 'vitest';
import { SecureAnthropic } from '../../../providers/anthropic/index.js';

declare const plain: Anthropic;
declare const secure: SecureAnthropic;

describe('SecureAnthropic types', () => {
  test('types: SecureAnthropic is assignable to Anthropic', () => {
    expectTypeOf<SecureAnthropic>().toMatchTypeOf<Anthropic>();
  });

  test('types: messages methods have exactly the SDK signatures', () => {
    expectTypeOf(secure.messages.create).toEqualTypeOf(plain.messages.create);
    expectTypeOf(secure.messages.stream).toEqualTypeOf(plain.messages.stream);
    expectTypeOf(secure.messages.countTokens).toEqualTypeOf(plain.messages.countTokens);
    expectTypeOf(secure.messages.batches).toEqualTypeOf(plain.messages.batches);
    expectTypeOf(secure.beta).toEqualTypeOf(plain.beta);
  });

  test('types: withOptions and withGuard return SecureAnthropic', () => {
    expectTypeOf(secure.withOptions({})).toEqualTypeOf<SecureAnthropic>();
    expectTypeOf(secure.withGuard({ secrets: 'block' })).toEqualTypeOf<SecureAnthropic>();
  });
});
