import { describe, expect, it } from 'vitest';
import { duplicateKeyPath } from '../../src/web/json-duplicate-key.js';

describe('duplicateKeyPath', () => {
  it.each([
    ['a repeated top-level name', '{"type":"trusteeship","type":"guardianship"}', 'type'],
    ['a name repeated in a nested object', '{"guardian":{"iin":"1","iin":"2"}}', 'guardian.iin'],
    ['a name repeated after a nested object', '{"a":{"b":1},"c":2,"a":3}', 'a'],
    ['a name repeated inside an array', '{"items":[{"id":1},{"id":2,"id":3}]}', 'items.1.id'],
    ['a name repeated in an array at the top', '[1,{"x":1,"x":2}]', '1.x'],
    ['an escaped spelling of the same name', '{"type":"a","\\u0074ype":"b"}', 'type'],
    ['an escaped quote in the name', '{"a\\"b":1,"a\\"b":2}', 'a"b'],
    ['names after strings holding braces', '{"x":"{\\"y\\":1}","z":"]}","x":2}', 'x'],
    ['a repeated empty name', '{"":1,"":2}', ''],
    ['whitespace between the tokens', '{ "a" : 1 ,\n "a" : 2 }', 'a'],
  ])('finds %s', (_, text, path) => {
    expect(duplicateKeyPath(text)).toBe(path);
  });

  it.each([
    ['an object of distinct names', '{"type":"guardianship","guardian":{"type":"x"}}'],
    ['the same name in sibling objects', '[{"id":1},{"id":2}]'],
    ['the same name in a parent and a child', '{"a":{"a":{"a":1}}}'],
    ['a value that spells a name', '{"a":"a","b":"a"}'],
    ['strings holding braces, commas and quotes', '{"a":"{\\"a\\":1,\\"a\\":2}","b":"\\\\"}'],
    ['names that differ only in case', '{"Type":1,"type":2}'],
    ['no object at all', '["a","a"]'],
    ['an empty object', '{}'],
  ])('finds nothing in %s', (_, text) => {
    expect(duplicateKeyPath(text)).toBeUndefined();
  });

  it('finds a repeat that JSON.parse would silently drop, past arrays and escaped braces', () => {
    const text = '{"a":[{"b":1,"c":{"d":[]}}],"e":"}{","f":{"g":"\\u007d"},"f":1}';
    expect(duplicateKeyPath(text)).toBe('f');
    expect(Object.keys(JSON.parse(text))).toEqual(['a', 'e', 'f']);
  });
});
