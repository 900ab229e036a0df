/**
 * Applies an RFC 7396 merge patch: members of `patch` replace those of `target`, objects merge
 * member by member, `null` deletes, and anything that is not an object replaces as a whole.
 * Returns a new value; neither argument is changed.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;

  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [member, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[member];
      continue;
    }
    const current = Object.hasOwn(result, member) ? result[member] : undefined;
    defineMember(result, member, applyMergePatch(current, value));
  }
  return result;
}

// Plain assignment of a member named `__proto__` would replace the prototype instead of
// adding a member; defining it keeps such a member an ordinary data member.
function defineMember(object: Record<string, unknown>, member: string, value: unknown): void {
  Object.defineProperty(object, member, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
