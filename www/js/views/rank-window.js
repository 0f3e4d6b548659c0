// Which rows of a long ranking are in view. Rows have one fixed height, except
// rows whose "why" panel is open, which are taller by a measured amount; the
// list is padded above and below by the height of the rows left out, so the
// scroll bar stays true to the whole list. Pure arithmetic, no DOM.

/**
 * The layout of `size` rows of `rowHeight` px, where `extras` lists the open
 * rows as `{ position, extra }` (extra px beyond `rowHeight`), any order.
 */
export function layout(size, rowHeight, extras) {
  const sorted = extras.filter((e) => e.position >= 0 && e.position < size && e.extra > 0)
    .sort((a, b) => a.position - b.position);
  /** The top of the row at `position` (or the total height at `size`). */
  const offset = (position) => {
    let total = position * rowHeight;
    for (const e of sorted) {
      if (e.position >= position) break;
      total += e.extra;
    }
    return total;
  };
  /** The row under the pixel `y` from the top of the list. */
  const positionAt = (y) => {
    let before = 0;
    for (const e of sorted) {
      const candidate = Math.floor((y - before) / rowHeight);
      if (candidate < e.position) return clamp(candidate, size);
      const end = e.position * rowHeight + before + rowHeight + e.extra;
      if (y < end) return clamp(e.position, size);
      before += e.extra;
    }
    return clamp(Math.floor((y - before) / rowHeight), size);
  };
  return { offset, positionAt, total: offset(size) };
}

/**
 * The rows to render, `[first, last)`, for a viewport showing the pixels
 * `[top, top + height)` of the list, with `overscan` rows either side.
 */
export function visibleRange(size, layoutOf, { top, height, overscan }) {
  if (size === 0) return { first: 0, last: 0 };
  const first = Math.max(0, layoutOf.positionAt(Math.max(0, top)) - overscan);
  const last = Math.min(size, layoutOf.positionAt(Math.max(0, top + height)) + 1 + overscan);
  return { first, last: Math.max(first, last) };
}

function clamp(position, size) {
  return Math.min(Math.max(0, position), Math.max(0, size - 1));
}
