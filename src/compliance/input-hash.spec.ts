import { canonicalJson, hashInputs } from './input-hash.js';

describe('hashInputs', () => {
  it('is a SHA-256 hex digest of the canonical JSON', () => {
    expect(hashInputs({ a: 1 })).toMatch(/^[0-9a-f]{64}$/);
    // sha256('{"a":1}')
    expect(hashInputs({ a: 1 })).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    );
  });

  it('sorts keys and leaves out undefined members', () => {
    expect(canonicalJson({ b: '1', a: undefined, c: null, aa: true })).toBe(
      '{"aa":true,"b":"1","c":null}',
    );
    expect(hashInputs({ x: '1', y: '2' })).toBe(hashInputs({ y: '2', x: '1', z: undefined }));
  });

  it('normalises decimals in decimal fields only', () => {
    expect(hashInputs({ weight: '0.50' })).toBe(hashInputs({ weight: '0.5' }));
    expect(hashInputs({ trancheAmount: '100.00' })).toBe(hashInputs({ trancheAmount: '100' }));
    expect(hashInputs({ steps: [{ minProgress: '1.00', score: '0.50' }] })).toBe(
      hashInputs({ steps: [{ minProgress: '1', score: '0.5' }] }),
    );
    // a code is not a number: "1.10" and "1.1" are different criteria
    expect(hashInputs({ code: '1.10' })).not.toBe(hashInputs({ code: '1.1' }));
    expect(hashInputs({ weight: '0.5' })).not.toBe(hashInputs({ weight: '0.50001' }));
  });

  it('keeps the caller context verbatim', () => {
    expect(hashInputs({ context: { weight: '1.50' } })).not.toBe(
      hashInputs({ context: { weight: '1.5' } }),
    );
    expect(hashInputs({ context: { b: 'x', a: 'y' } })).toBe(
      hashInputs({ context: { a: 'y', b: 'x' } }),
    );
  });

  it('puts coded items and steps in domain order, keeps other lists as given', () => {
    const a = { code: 'A', weight: '0.4' };
    const b = { code: 'B', weight: '0.6' };
    expect(hashInputs({ indicators: [a, b] })).toBe(hashInputs({ indicators: [b, a] }));
    expect(canonicalJson([{ code: '1.10' }, { code: '1.2' }])).toBe(
      '[{"code":"1.2"},{"code":"1.10"}]',
    );
    const high = { minProgress: '1', score: '1' };
    const low = { minProgress: '0.75', score: '0.5' };
    expect(hashInputs({ steps: [low, high] })).toBe(hashInputs({ steps: [high, low] }));
    expect(hashInputs({ list: ['a', 'b'] })).not.toBe(hashInputs({ list: ['b', 'a'] }));
  });

  it('escapes text as JSON does', () => {
    const odd = 'comillas " barra \\ salto \n emoji 😀 ñ';
    expect(canonicalJson({ name: odd })).toBe(`{"name":${JSON.stringify(odd)}}`);
  });

  it('refuses a circular structure instead of looping', () => {
    const loop: Record<string, unknown> = { code: 'X' };
    loop['self'] = loop;
    expect(() => hashInputs(loop)).toThrow(/circular/);
  });
});
