// Every event the platform publishes, by name: each capability adds its own map here.
import type { BacklogEvents } from './backlog/events.ts';
import type { CaseEvents } from './cases/events.ts';
import type { IntakeEvents } from './intake/events.ts';
import type { ReceptionEvents } from './receptions/events.ts';
import type { SupervisionEvents } from './supervision/events.ts';

export interface PlatformEvents
  extends CaseEvents,
    BacklogEvents,
    ReceptionEvents,
    IntakeEvents,
    SupervisionEvents {}
