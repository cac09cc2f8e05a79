// polylabel 2 ships JavaScript only; this is the one function the boundaries module calls.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]); `distance` is its distance to the nearest edge. */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): [number, number] & { distance: number };
}
