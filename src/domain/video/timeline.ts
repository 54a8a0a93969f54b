// The steps of a video reception on a case's timeline (internal events) and their labels; the case
// timeline reads these through src/domain/lifecycle/timeline.ts (the web imports it: no node modules).

/** Timeline events on the case (internal): the session held, a recording stored. */
export const VIDEO_EVENTS = {
  held: { event: 'video_reception_held', label: '视频接访' },
  recorded: { event: 'video_recording_stored', label: '视频接访录像存档' },
} as const;

export const VIDEO_EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(VIDEO_EVENTS).map((e) => [e.event, e.label]),
);
