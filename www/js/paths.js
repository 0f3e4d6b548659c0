// Field paths as the package reports them (`initiatives[3].buyer.reach`,
// `segments.seller[0].weight`): parsed, read and written on plain objects so
// that a problem's path leads straight to the field that shows it.

/** `"initiatives[3].buyer.reach"` -> `["initiatives", 3, "buyer", "reach"]`. */
export function parsePath(path) {
  const keys = [];
  for (const part of String(path).split('.')) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!match) {
      keys.push(part);
      continue;
    }
    if (match[1] !== '') keys.push(match[1]);
    for (const index of match[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

export function getPath(root, path) {
  let node = root;
  for (const key of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = node[key];
  }
  return node;
}

/** Set a value, creating objects on the way; `undefined` deletes the key. */
export function setPath(root, path, value) {
  const keys = parsePath(path);
  let node = root;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = keys[i];
    if (node[key] === null || typeof node[key] !== 'object') {
      node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    node = node[key];
  }
  const last = keys[keys.length - 1];
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
}

/** True when `path` is `prefix` or lies inside it. */
export function isWithin(path, prefix) {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
