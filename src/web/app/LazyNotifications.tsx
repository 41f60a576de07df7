import { useNotifications } from 'mantine-notifications-store';
import { lazy, Suspense } from 'react';

const Notifications = lazy(() =>
  import('@mantine/notifications').then((m) => ({ default: m.Notifications })),
);

/**
 * Mantine's notification area, loaded with the first notification: with its transitions and
 * scroll handling it weighs more than the sign-in form, and most visits show none (issue 18).
 * Notifications shown before it arrives wait in the store and appear once it mounts.
 */
export function LazyNotifications() {
  const { notifications, queue } = useNotifications();
  if (notifications.length === 0 && queue.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
