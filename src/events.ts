// Every event the platform publishes, by name: each capability adds its own map here.
import type { AuthEvents } from './auth/events.ts';
import type { BacklogEvents } from './backlog/events.ts';
import type { CalendarEvents } from './calendar/events.ts';
import type { CaseEvents } from './cases/events.ts';
import type { ClassifyEvents } from './classify/events.ts';
import type { IntakeEvents } from './intake/events.ts';
import type { MonitoringEvents } from './monitoring/events.ts';
import type { ReceptionEvents } from './receptions/events.ts';
import type { SupervisionEvents } from './supervision/events.ts';
import type { WarningEvents } from './warnings/events.ts';

export interface PlatformEvents
  extends CaseEvents,
    BacklogEvents,
    ReceptionEvents,
    IntakeEvents,
    SupervisionEvents,
    WarningEvents,
    MonitoringEvents,
    AuthEvents,
    CalendarEvents,
    ClassifyEvents {}
