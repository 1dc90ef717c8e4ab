/** A4 portrait in CSS pixels (96 per inch): the unit satori lays out in. */
export const PAGE = { width: 794, height: 1123 } as const;

/**
 * Side of the QR image in CSS pixels, 52.9 mm on paper. Even a version 1 symbol, whose quiet zone
 * takes the largest share, then prints its modules across at least 38 mm, which phone cameras read
 * from arm's length on a desk.
 */
export const QR_SIZE = 200;

/** White margin between the edge of the sheet and the frame. */
export const PAGE_PADDING = 34;

/** The double rule, outside in: a heavy navy line, white, a hairline of navy. */
export const FRAME = { outer: 2, gap: 3, inner: 1 } as const;
export const FRAME_WIDTH = FRAME.outer + FRAME.gap + FRAME.inner;

/** Space between the frame and the content, top, sides and bottom. */
export const INNER_PADDING = { top: 30, side: 44, bottom: 28 } as const;

/** Width between the inner paddings: no text may be wider. */
export const CONTENT_WIDTH = PAGE.width - 2 * (PAGE_PADDING + FRAME_WIDTH + INNER_PADDING.side);

export const INK = '#1a1a1a';
export const NAVY = '#1f3a60';
export const MUTED = '#4b5563';
export const RULE = '#c5cdd8';
