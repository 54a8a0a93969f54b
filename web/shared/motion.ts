// Whether the person asked their system for less motion (prefers-reduced-motion). Its own module so
// that the big screen's charts can read it without the console's and portal's providers.

/**
 * Someone who asked for less motion gets no zooming dialogs or sliding drawers
 * (web/shared/providers.tsx) and charts drawn at once instead of growing
 * (web/shared/analytics/echarts.tsx).
 */
export const reducedMotion =
  typeof window !== 'undefined' &&
  typeof window.matchMedia === 'function' &&
  window.matchMedia('(prefers-reduced-motion: reduce)').matches;
