export {
  applyAccountLive,
  inboxQuery,
  liveKeys,
  overviewQuery,
  useInbox,
  useInboxActions,
  useOverview,
} from './api';
export { EventStreamConnection } from './event-stream';
export { InboxBadge } from './InboxBadge';
export { LiveIndicator } from './LiveIndicator';
export { LivePageHeader } from './LivePageHeader';
export { LiveProvider } from './LiveProvider';
